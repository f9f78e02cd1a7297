import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** What a suite run writes for the runner (scripts/run-integration.mjs). */
export interface SuiteResults {
  suite: string;
  vscodeVersion: string;
  passes: number;
  failures: number;
  pending: number;
  failed: { title: string; error: string }[];
  /** The test files mocha loaded. */
  files: string[];
  /** Every test with its duration, slowest first. */
  tests: { title: string; state: string; ms: number }[];
  durationMs: number;
}

/**
 * Run the compiled `*.test.js` files of `dir` with mocha (tdd interface) inside the extension
 * host, write the results to $AURORA_TEST_RESULTS (when set) and reject when a test failed, as
 * @vscode/test-electron expects from a tests module's `run()`.
 */
export async function runSuite(suite: string, dir: string, vscodeVersion: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.AURORA_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort();
  for (const name of files) {
    mocha.addFile(path.join(dir, name));
  }
  const started = Date.now();
  const failed: SuiteResults['failed'] = [];
  const tests: SuiteResults['tests'] = [];
  const counts = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
      runner.on('test end', (test) => {
        tests.push({ title: test.fullTitle(), state: test.state ?? 'pending', ms: test.duration ?? 0 });
      });
      runner.on('fail', (test, err: unknown) => {
        failed.push({ title: test.fullTitle(), error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      });
    } catch (e) {
      reject(e);
    }
  });
  const results: SuiteResults = { suite, vscodeVersion, ...counts, failed, files, tests: tests.sort((a, b) => b.ms - a.ms), durationMs: Date.now() - started };
  const out = process.env.AURORA_TEST_RESULTS;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(results, null, 2));
  }
  if (counts.failures > 0) {
    throw new Error(`${counts.failures} integration test(s) failed`);
  }
}
