// The executable, bundled as dist/cli.js: the CLI on process.argv, or an analysis worker's share
// when `check` started this bundle in a worker thread. (main.ts runs nothing when imported.)
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
