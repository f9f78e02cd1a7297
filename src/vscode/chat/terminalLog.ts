import * as vscode from 'vscode';
import { MAX_TERMINAL_CHARS, plainOutput } from '../../agent/terminalText';

/** The last command that finished in a terminal, as @terminal attaches it. */
export interface TerminalCommand {
  /** The command line, as the shell reported it. */
  command: string;
  output: string;
  exitCode: number | undefined;
  /** The terminal's name. */
  terminal: string;
  /** The output was longer and only its end is kept. */
  cut: boolean;
}

/**
 * Remembers the last command that finished in any terminal: the user's terminals through shell
 * integration (where the shell has it on), and the agent's own terminal, which reports each
 * command it ran. Output is read while the command runs and only the end is kept.
 */
export class TerminalLog implements vscode.Disposable {
  private last: TerminalCommand | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private readonly reading = new Map<vscode.TerminalShellExecution, { chunks: string[]; size: number; cut: boolean }>();

  constructor() {
    this.subs.push(
      vscode.window.onDidStartTerminalShellExecution((e) => {
        const state = { chunks: [] as string[], size: 0, cut: false };
        this.reading.set(e.execution, state);
        void (async () => {
          try {
            for await (const chunk of e.execution.read()) {
              state.chunks.push(chunk);
              state.size += chunk.length;
              // keep about twice the limit while reading: the end is what counts
              while (state.size > MAX_TERMINAL_CHARS * 2 && state.chunks.length > 1) {
                state.size -= state.chunks.shift()!.length;
                state.cut = true;
              }
            }
          } catch {
            // the terminal closed while reading: what was read is kept
          }
        })();
      }),
      vscode.window.onDidEndTerminalShellExecution((e) => {
        const state = this.reading.get(e.execution);
        this.reading.delete(e.execution);
        const out = plainOutput(state?.chunks.join('') ?? '');
        this.last = { command: e.execution.commandLine.value, output: out.text, exitCode: e.exitCode, terminal: e.terminal.name, cut: out.cut || (state?.cut ?? false) };
      }),
    );
  }

  /** The agent's terminal ran a command. */
  record(command: string, output: string, exitCode: number | null, terminal: string): void {
    const out = plainOutput(output);
    this.last = { command, output: out.text, exitCode: exitCode ?? undefined, terminal, cut: out.cut };
  }

  /** The last command that finished, if any did since the window opened. */
  lastCommand(): TerminalCommand | undefined {
    return this.last;
  }

  dispose(): void {
    for (const s of this.subs) {
      s.dispose();
    }
    this.reading.clear();
  }
}
