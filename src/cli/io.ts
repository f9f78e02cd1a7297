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

/** Where the CLI writes: the process's streams, or what an in-process caller handed `main`. */
export interface CliOutput {
  /** Resolves once the text is handed on (for a pipe: to the OS, so that it gets all of it). */
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
}

/** The process's own stdout and stderr. */
export const processOutput: CliOutput = {
  stdout: (text) =>
    new Promise((resolve, reject) => {
      process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
    }),
  stderr: (text) => {
    process.stderr.write(text);
  },
};

let output: CliOutput = processOutput;

/** Send the CLI's output to `to` until the returned function is called (see `main`). */
export function redirectOutput(to: CliOutput): () => void {
  const before = output;
  output = to;
  return () => {
    output = before;
  };
}

/** Write to stdout and resolve once the data has been handed to the OS (pipes get all of it). */
export function writeOut(text: string): Promise<void> {
  return text.length === 0 ? Promise.resolve() : output.stdout(text);
}

/** Write text to stderr as is. */
export function writeErr(text: string): void {
  output.stderr(text);
}

/** One line on stderr, prefixed with the program name. */
export function warn(message: string): void {
  writeErr(`aurora-devops: ${message}\n`);
}

/** The shape of a sub-command. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throws UsageError for bad arguments. */
  run(argv: string[]): Promise<number>;
}
