import * as path from 'path';
import { runAction } from './action';

// dist/action.js: the entry action.yml runs; the CLI bundle is beside it in dist/
process.exitCode = runAction(process.env, path.join(__dirname, 'cli.js'));
