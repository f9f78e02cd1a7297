// The CLI, bundled as dist/cli-core.js: the CLI on process.argv, run by the executable dist/cli.js
// (src/cli/launch.ts, which sets the V8 flags first and compiles this bundle with its code cache),
// or an analysis worker's share when `check` started this bundle in a worker thread. No V8 flag is
// set here: V8 rejects a code cache made under other flags. (main.ts runs nothing when imported.)
import { warn } from './io';
import { main } from './main';
import { enableWorkers, isAnalysisWorker, runAnalysisWorker } from './parallel';

if (isAnalysisWorker()) {
  // a worker thread of `check` on a large tree (see parallel.ts)
  runAnalysisWorker().catch((e: unknown) => {
    warn(`internal error in an analysis worker: ${String(e)}`);
    process.exitCode = 1;
  });
} else {
  // the report streams while files are analysed: a reader that stops early (`| head`) ends the
  // run quietly instead of with an unhandled EPIPE
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.exit(typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1);
    }
    throw e;
  });
  // this bundle's own path (cli-core.js): the launcher compiles it under that name
  enableWorkers(__filename);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      warn(`internal error: ${String(e)}`);
      process.exitCode = 1;
    },
  );
}
