import { spawn } from 'child_process';
import * as fs from 'fs';
import type { Shell, ShellResult, ShellRunOptions } from '../ports';

/** Output kept in memory per command: head and tail of this many characters each. */
const KEEP = 1_000_000;
/** Time between the polite stop (SIGTERM) and the hard one (SIGKILL). */
const GRACE_MS = 1500;

/** The shell the policy parsed the command for: bash when present, else sh. */
function shellPath(): string {
  for (const candidate of ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash']) {
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return '/bin/sh';
}

/**
 * Runs commands as child processes in their own process group, so cancelling or a timeout stops
 * the whole tree (pipelines, subshells), not just the shell.
 */
export class NodeShell implements Shell {
  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  run(options: ShellRunOptions): Promise<ShellResult> {
    return new Promise((resolve) => {
      const windows = process.platform === 'win32';
      const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', DEBIAN_FRONTEND: 'noninteractive', PAGER: 'cat', GIT_PAGER: 'cat', ...this.extraEnv };
      const child = windows
        ? spawn(options.command, { cwd: options.cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
        : spawn(shellPath(), ['-c', options.command], { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let head = '';
      let tail = '';
      let dropped = 0;
      let timedOut = false;
      let cancelled = false;
      let settled = false;
      const append = (chunk: Buffer): void => {
        const text = chunk.toString('utf8');
        options.onOutput?.(text);
        if (head.length < KEEP) {
          const room = KEEP - head.length;
          head += text.slice(0, room);
          if (text.length <= room) {
            return;
          }
          tail += text.slice(room);
        } else {
          tail += text;
        }
        if (tail.length > KEEP) {
          dropped += tail.length - KEEP;
          tail = tail.slice(tail.length - KEEP);
        }
      };
      child.stdout?.on('data', append);
      child.stderr?.on('data', append);
      const killTree = (): void => {
        if (child.pid === undefined || child.exitCode !== null) {
          return;
        }
        try {
          if (windows) {
            spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
          } else {
            process.kill(-child.pid, 'SIGTERM');
            setTimeout(() => {
              try {
                process.kill(-(child.pid as number), 'SIGKILL');
              } catch {
                // the group is already gone
              }
            }, GRACE_MS).unref();
          }
        } catch {
          // the process ended meanwhile
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killTree();
      }, options.timeoutMs);
      const onAbort = (): void => {
        cancelled = true;
        killTree();
      };
      if (options.signal?.aborted) {
        onAbort();
      } else {
        options.signal?.addEventListener('abort', onAbort, { once: true });
      }
      const done = (exitCode: number | null, extra = ''): void => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        const output = dropped > 0 ? `${head}\n[… ${dropped} characters not kept …]\n${tail}` : head + tail;
        resolve({ exitCode, output: output + extra, timedOut, cancelled });
      };
      child.on('error', (e) => done(null, `${e.message}\n`));
      child.on('close', (code) => done(code));
    });
  }
}
