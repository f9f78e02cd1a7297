/** Marks usage errors across bundles: dist/cli-tools.js has a UsageError class of its own. */
const USAGE = Symbol.for('aurora-devops.usage-error');

/** A mistake in how the command was called: one line on stderr, exit 2. */
export class UsageError extends Error {
  readonly [USAGE] = true;
}

/** Whether `e` is a UsageError, also one thrown by the other CLI bundle. */
export function isUsageError(e: unknown): e is UsageError {
  return typeof e === 'object' && e !== null && (e as { [USAGE]?: boolean })[USAGE] === true;
}

/** Write to stdout and resolve once the data has been handed to the OS (pipes get all of it). */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text.length === 0) {
      resolve();
      return;
    }
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** One line on stderr, prefixed with the program name. */
export function warn(message: string): void {
  process.stderr.write(`aurora-devops: ${message}\n`);
}

/** The shape of a sub-command. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throws UsageError for bad arguments. */
  run(argv: string[]): Promise<number>;
}
