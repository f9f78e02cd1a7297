import { spawn } from 'child_process';
import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';
import { isCredentialValue, isCredentialVariable } from '../credentials';
import type { Shell, ShellResult, ShellRunOptions } from '../ports';

/** Output kept in memory per command: head and tail of this many characters each. */
const KEEP = 1_000_000;
/** Time between the polite stop (SIGTERM) and the hard one (SIGKILL). */
const GRACE_MS = 1500;

/** The shell the policy parsed the command for: bash when present, else sh. */
export function shellPath(): string {
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
      const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', DEBIAN_FRONTEND: 'noninteractive', PAGER: 'cat', GIT_PAGER: 'cat', ...this.extraEnv };
      // credentials (the agent's own API key, cloud and CI tokens) are not the commands'
      // business: `env` or `echo $…` would put them in output the model reads
      for (const name of Object.keys(env)) {
        if (isCredentialVariable(name) || isCredentialValue(env[name] ?? '')) {
          delete env[name];
        }
      }
      const child = windows
        ? spawn(options.command, { cwd: options.cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
        : spawn(shellPath(), ['-c', options.command], { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const capture = new OutputCapture(KEEP);
      let timedOut = false;
      let cancelled = false;
      let settled = false;
      // one decoder per stream, so a multi-byte character split across chunks is not mangled
      const decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };
      const append = (text: string): void => {
        if (text === '') {
          return;
        }
        options.onOutput?.(text);
        capture.add(text);
      };
      child.stdout?.on('data', (chunk: Buffer) => append(decoders.out.write(chunk)));
      child.stderr?.on('data', (chunk: Buffer) => append(decoders.err.write(chunk)));
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
        append(decoders.out.end());
        append(decoders.err.end());
        resolve({ exitCode, output: capture.text() + extra, timedOut, cancelled });
      };
      child.on('error', (e) => done(null, `${e.message}\n`));
      child.on('close', (code) => done(code));
    });
  }
}

/**
 * Keeps the first `keep` characters and the last `keep` characters of a stream of chunks, in
 * O(chunk) per chunk: the tail is a queue of chunks trimmed from the front, joined only once at
 * the end, so a command printing hundreds of megabytes costs time and memory proportional to
 * what it prints and what is kept, never a copy of the kept tail per chunk.
 */
export class OutputCapture {
  private head = '';
  private readonly tail: string[] = [];
  /** Index of the first live chunk in `tail` (dead ones are compacted away in batches). */
  private first = 0;
  private tailLength = 0;
  private dropped = 0;

  constructor(private readonly keep: number) {}

  /** Append one chunk of output. */
  add(text: string): void {
    let rest = text;
    if (this.head.length < this.keep) {
      const room = this.keep - this.head.length;
      this.head += rest.slice(0, room);
      if (rest.length <= room) {
        return;
      }
      rest = rest.slice(room);
    }
    if (rest.length >= this.keep) {
      // one chunk covers the whole tail: everything before it goes
      this.dropped += this.tailLength + rest.length - this.keep;
      this.tail.length = 0;
      this.first = 0;
      this.tail.push(rest.slice(rest.length - this.keep));
      this.tailLength = this.keep;
      return;
    }
    this.tail.push(rest);
    this.tailLength += rest.length;
    while (this.tailLength - this.tail[this.first].length >= this.keep) {
      // whole chunks at the front are no longer needed
      this.tailLength -= this.tail[this.first].length;
      this.dropped += this.tail[this.first].length;
      this.first++;
    }
    if (this.tailLength > this.keep) {
      const excess = this.tailLength - this.keep;
      this.tail[this.first] = this.tail[this.first].slice(excess);
      this.tailLength -= excess;
      this.dropped += excess;
    }
    if (this.first > 64 && this.first * 2 > this.tail.length) {
      this.tail.splice(0, this.first);
      this.first = 0;
    }
  }

  /** Characters dropped between the head and the tail. */
  get droppedCharacters(): number {
    return this.dropped;
  }

  /** The head, a note of what was dropped (if anything) and the tail. */
  text(): string {
    const tail = this.tail.slice(this.first).join('');
    return this.dropped > 0 ? `${this.head}\n[… ${this.dropped} characters not kept …]\n${tail}` : this.head + tail;
  }
}
