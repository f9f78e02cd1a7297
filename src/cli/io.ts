/** A mistake in how the command was called: one line on stderr, exit 2. */
export class UsageError extends Error {}

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
