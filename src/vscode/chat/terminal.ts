import * as vscode from 'vscode';
import { SandboxedShell } from '../../agent/node/sandbox';
import type { Shell, ShellResult, ShellRunOptions } from '../../agent/ports';
import type { SandboxMode, SandboxStatus } from '../../agent/sandbox';

/** Name of the terminal the agent's confirmed commands run in. */
export const TERMINAL_NAME = 'Aurora DevOps';

/**
 * The Shell port on an extension-owned Pseudoterminal. Each command runs as a child process in its
 * own process group (NodeShell), so the exit code is exact without shell integration; the
 * terminal shows the command line and echoes the output. Ctrl+C in the terminal or aborting the
 * run's signal kills the whole group. The terminal is created once and reused.
 */
export class TerminalRunner implements Shell, vscode.Disposable {
  private terminal: vscode.Terminal | undefined;
  private readonly write = new vscode.EventEmitter<string>();
  private opened: Promise<void> | undefined;
  private markOpen: (() => void) | undefined;
  private current: AbortController | undefined;
  private readonly closeSub: vscode.Disposable;
  /** The last command's result (the chat shows its exit code). */
  lastResult: ShellResult | undefined;
  private readonly finished = new vscode.EventEmitter<{ command: string; result: ShellResult }>();
  /** A command ran to its end (or was stopped): @terminal can attach its output. */
  readonly onDidFinish = this.finished.event;

  private readonly sandboxed: SandboxedShell | undefined;

  /**
   * `shell` defaults to the sandboxed one, whose mode is read at every command from
   * `aurora.sandbox` (machine scope: a repository's settings cannot lower it).
   */
  constructor(
    private readonly shell: Shell = new SandboxedShell(() => sandboxMode()),
  ) {
    this.sandboxed = shell instanceof SandboxedShell ? shell : undefined;
    this.closeSub = vscode.window.onDidCloseTerminal((t) => {
      if (t === this.terminal) {
        this.current?.abort();
        this.terminal = undefined;
        this.opened = undefined;
      }
    });
  }

  /** The terminal, created (and opened) on first use. */
  private ensureTerminal(): Promise<void> {
    if (!this.terminal || !this.opened) {
      this.opened = new Promise<void>((resolve) => {
        this.markOpen = resolve;
      });
      const pty: vscode.Pseudoterminal = {
        onDidWrite: this.write.event,
        open: () => this.markOpen?.(),
        close: () => this.current?.abort(),
        handleInput: (data) => {
          if (data === '\x03') {
            // Ctrl+C: stop the running command and everything it started
            this.write.fire('^C\r\n');
            this.current?.abort();
          }
        },
      };
      this.terminal = vscode.window.createTerminal({ name: TERMINAL_NAME, pty, iconPath: new vscode.ThemeIcon('hubot') });
    }
    this.terminal.show(true);
    // a hidden panel may never open the pty: do not wait for ever
    return Promise.race([this.opened, new Promise<void>((r) => setTimeout(r, 3000))]);
  }

  private echo(text: string): void {
    this.write.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  /** Whether a command is running. */
  get running(): boolean {
    return this.current !== undefined;
  }

  /** Stop the running command (Stop in the chat). */
  kill(): void {
    this.current?.abort();
  }

  async run(options: ShellRunOptions): Promise<ShellResult> {
    await this.ensureTerminal();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) {
      controller.abort();
    }
    this.current = controller;
    this.echo(`\x1b[1m${options.cwd}$ ${options.command}\x1b[0m\n`);
    try {
      const result = await this.shell.run({
        ...options,
        signal: controller.signal,
        onOutput: (chunk) => {
          this.echo(chunk);
          options.onOutput?.(chunk);
        },
      });
      if (result.refused !== undefined) {
        this.echo(`\x1b[33m${result.refused}\x1b[0m\n\n`);
        this.lastResult = result;
        return result;
      }
      for (const note of result.notes ?? []) {
        this.echo(`${result.output.endsWith('\n') || result.output === '' ? '' : '\n'}\x1b[33m[sandbox] ${note}\x1b[0m\n`);
      }
      const status = result.timedOut ? `timed out after ${Math.round(options.timeoutMs / 1000)} s` : result.cancelled ? 'stopped' : `exit code ${result.exitCode}`;
      this.echo(`${result.output.endsWith('\n') || result.output === '' ? '' : '\n'}\x1b[2m[${status}]\x1b[0m\n\n`);
      this.lastResult = result;
      this.finished.fire({ command: options.command, result });
      return result;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      if (this.current === controller) {
        this.current = undefined;
      }
    }
  }

  /** Whether commands run sandboxed now (the chat header and cards show it). */
  async sandboxStatus(): Promise<SandboxStatus> {
    if (!this.sandboxed) {
      return { enforced: false, mode: sandboxMode(), reason: 'this terminal runs commands without the sandbox' };
    }
    return this.sandboxed.status();
  }

  dispose(): void {
    this.current?.abort();
    this.closeSub.dispose();
    this.terminal?.dispose();
    this.write.dispose();
    this.finished.dispose();
  }
}

/** `aurora.sandbox` (required unless the user changed it in their own settings). */
export function sandboxMode(): SandboxMode {
  const inspected = vscode.workspace.getConfiguration('aurora').inspect<string>('sandbox');
  // only the user's own (or the machine's) value counts: never a workspace's
  const value = inspected?.globalValue ?? inspected?.defaultValue;
  return value === 'warn' || value === 'off' ? value : 'required';
}
