import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { relativeTo } from '../policy/paths';
import type { Workspace } from '../ports';
import { safeReadText, safeWriteText } from './safeFs';

/** Folders never listed: dependencies, VCS data, build output. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.venv', 'venv', '__pycache__', 'dist', 'out', '.next', 'vendor', 'target', '.vscode-test']);

/** Links followed while resolving one path before giving up (a loop, or a maze of links). */
const MAX_LINKS = 40;

/** The separators of a link target on this platform (a backslash is a name character on POSIX). */
const SEPARATORS = process.platform === 'win32' ? /[\\/]/ : /\//;

/**
 * Resolve symlinks in a path that may not exist yet: the deepest existing ancestor is resolved
 * and the remaining segments appended. A symbolic link whose target is missing counts as missing
 * here (see realpathInWorkspace for the policy's view).
 */
export function realpathDeep(p: string): string {
  return resolveDeep(path.resolve(p)) ?? p;
}

/**
 * realpathDeep for the policy of the workspace at `root`. A symbolic link whose target is missing
 * is followed to where it points; when that is outside the workspace the result is that place,
 * so the policy denies a write through a dangling link shipped in the repository (and a command
 * writing through it) with the real destination as its reason. A dangling link that stays inside
 * is left as the link itself, so the file tools meet it and refuse it rather than create its
 * target (src/agent/node/safeFs.ts).
 */
export function realpathInWorkspace(root: string, p: string, caseInsensitive = false): string {
  const plain = realpathDeep(p);
  const followed = resolveDeep(path.resolve(p), { links: MAX_LINKS });
  if (followed === undefined || followed === plain) {
    return plain;
  }
  return relativeTo(realpathDeep(root), followed, caseInsensitive) === undefined ? followed : plain;
}

/**
 * Resolve the deepest existing ancestor of `start` and append the rest; with a budget, a dangling
 * link on the way is followed to where it points. Undefined when nothing resolves.
 */
function resolveDeep(start: string, budget?: { links: number }): string | undefined {
  let current = start;
  const rest: string[] = [];
  for (let i = 0; i < 256; i++) {
    try {
      const real = fs.realpathSync.native(current);
      return rest.length > 0 ? path.join(real, ...rest.reverse()) : real;
    } catch {
      const linked = budget ? danglingTarget(current, budget) : undefined;
      if (linked !== undefined) {
        return rest.length > 0 ? path.join(linked, ...rest.reverse()) : linked;
      }
      const parent = path.dirname(current);
      if (parent === current) {
        return undefined;
      }
      rest.push(path.basename(current));
      current = parent;
    }
  }
  return undefined;
}

/** Where a symbolic link that realpath cannot resolve leads, or undefined when `p` is no link. */
function danglingTarget(p: string, budget: { links: number }): string | undefined {
  try {
    if (budget.links <= 0 || !fs.lstatSync(p).isSymbolicLink()) {
      return undefined;
    }
    budget.links--;
    const target = fs.readlinkSync(p);
    let current = path.isAbsolute(target) ? path.parse(target).root : (resolveDeep(path.dirname(p), budget) ?? path.dirname(p));
    // '..' after a link leaves the link's real folder, not its name's: resolve before going up
    for (const seg of target.split(SEPARATORS)) {
      if (seg === '..') {
        current = path.dirname(resolveDeep(current, budget) ?? current);
      } else if (seg !== '' && seg !== '.') {
        current = path.join(current, seg);
      }
    }
    return resolveDeep(current, budget);
  } catch {
    return undefined;
  }
}

/** Whether the file system at `dir` ignores case (probe with the folder's own name). */
export function isCaseInsensitive(dir: string): boolean {
  const upper = dir.toUpperCase();
  const lower = dir.toLowerCase();
  if (upper === lower) {
    return process.platform === 'win32' || process.platform === 'darwin';
  }
  try {
    const a = fs.statSync(upper);
    const b = fs.statSync(lower);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/** The Workspace port on the local disk. */
export class NodeWorkspace implements Workspace {
  readonly root: string;
  readonly caseInsensitive: boolean;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.caseInsensitive = isCaseInsensitive(this.root);
  }

  realpath(absolutePath: string): string | undefined {
    return realpathInWorkspace(this.root, absolutePath, this.caseInsensitive);
  }

  /**
   * Text of a file, or undefined when it does not exist. Every component is checked (safeFs):
   * a link out of the workspace or to nothing, or a secret, is a WorkspaceRefusal.
   */
  async readText(absolutePath: string): Promise<string | undefined> {
    return safeReadText(this.root, absolutePath, { caseInsensitive: this.caseInsensitive });
  }

  /** Create or replace a file atomically, never through a link out of the workspace (safeFs). */
  async writeText(absolutePath: string, text: string): Promise<void> {
    await safeWriteText(this.root, absolutePath, text, { caseInsensitive: this.caseInsensitive });
  }

  async exists(absolutePath: string): Promise<boolean> {
    try {
      await fs.promises.access(absolutePath);
      return true;
    } catch {
      return false;
    }
  }

  async list(options: { pattern?: string; under?: string; limit: number }): Promise<{ files: string[]; truncated: boolean }> {
    const match = options.pattern ? picomatch(options.pattern, { dot: true }) : undefined;
    const files: string[] = [];
    const start = options.under ? path.resolve(this.root, options.under) : this.root;
    const queue: string[] = [start];
    let visited = 0;
    while (queue.length > 0) {
      const dir = queue.shift() as string;
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        // bound the walk itself, not only the result, so huge trees stay cheap
        if (++visited > 50_000) {
          return { files, truncated: true };
        }
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP.has(e.name)) {
            queue.push(full);
          }
          continue;
        }
        if (!e.isFile()) {
          continue;
        }
        const rel = path.relative(this.root, full).split(path.sep).join('/');
        if (match && !match(rel)) {
          continue;
        }
        if (files.length >= options.limit) {
          return { files, truncated: true };
        }
        files.push(rel);
      }
    }
    return { files, truncated: false };
  }
}
