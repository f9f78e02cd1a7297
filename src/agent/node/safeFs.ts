import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { protectedReason, secretReason } from '../policy/paths';
import { WorkspaceRefusal } from '../refusal';

/**
 * Reading and writing workspace files without being led out of the workspace or into secrets,
 * below the policy (which decided on a path resolved once, earlier). Every component of the path
 * is resolved from the real workspace root with lstat/readlink — no realpath, which hides links
 * whose target is missing — so no symbolic link may lead outside at any step, and a link to
 * nothing is refused rather than followed. The final file is opened with O_NOFOLLOW and checked
 * again once open (the descriptor's dev/ino against the path, and on Linux /proc/self/fd against
 * the expected place), so a link swapped in after the check is caught. Writes go to a temporary
 * file in the same real folder, created exclusively, synced and renamed over the target: a hard
 * link at the target is replaced rather than written through, and a crash never leaves half a
 * file.
 *
 * What remains: Node has no openat/renameat, so a folder swapped for a link in the instant
 * between the descriptor check and the rename is detected after the rename, not prevented.
 */

/** What the caller means to do with the path (writes are checked more strictly). */
export type SafePurpose = 'read' | 'write';

/** How to compare paths. */
export interface SafeFsOptions {
  /** The file system ignores case (compare the root prefix case-insensitively). */
  caseInsensitive?: boolean;
}

/** A workspace path with every component checked. */
export interface SafeTarget {
  /** Real absolute path of the workspace root. */
  root: string;
  /** Absolute path of the file with no symbolic link in any component (it may not exist yet). */
  absolute: string;
  /** `absolute` relative to the root, forward slashes. */
  relative: string;
  /** The path as the caller gave it, relative to the root (used in messages). */
  given: string;
  /** The deepest folder of the path that exists (absolute, no links). */
  existingFolder: string;
  /** Folders below `existingFolder` that do not exist yet, outermost first (a write creates them). */
  missingFolders: string[];
  /** lstat of the file when it exists (then always a regular file). */
  stat?: fs.Stats;
}

/** More links than this on one path is a loop, or an attempt to wear the checks down. */
const MAX_LINKS = 40;

const C = fs.constants as Partial<typeof fs.constants> & typeof fs.constants;
/** Absent on Windows: there the lstat/fstat comparison after opening does the work. */
const O_NOFOLLOW = C.O_NOFOLLOW ?? 0;
/** A FIFO swapped in for the file must not block the read. */
const O_NONBLOCK = C.O_NONBLOCK ?? 0;
const O_DIRECTORY = C.O_DIRECTORY ?? 0;

/** The separators of a path on this platform (a backslash is a name character on POSIX). */
const SEPARATORS = process.platform === 'win32' ? /[\\/]/ : /\//;

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as NodeJS.ErrnoException).code) : undefined;
}

function fold(s: string, ci: boolean): string {
  return ci ? s.toLowerCase() : s;
}

/** `p` relative to `root` (raw, not normalised), or undefined when it does not start with it. */
function under(root: string, p: string, ci: boolean): string | undefined {
  const slash = (s: string): string => (process.platform === 'win32' ? s.replace(/\\/g, '/') : s);
  const r = slash(root).replace(/\/+$/, '');
  const c = slash(p);
  if (fold(c, ci) === fold(r, ci)) {
    return '';
  }
  if (fold(c, ci).startsWith(fold(r, ci) + '/')) {
    return c.slice(r.length + 1);
  }
  return undefined;
}

function samePath(a: string, b: string, ci: boolean): boolean {
  return under(a, b, ci) === '';
}

/** State of one resolution. */
interface Walk {
  root: string;
  lexicalRoot: string;
  given: string;
  ci: boolean;
  links: number;
}

/** A symbolic link met on the way, for messages. */
interface Via {
  link: string;
  target: string;
}

/** Where a walk ended: real segments below the root, and what did not exist from there on. */
interface Reached {
  segs: string[];
  missing: string[];
  /** lstat of the last component (undefined: a folder reached by `..` or the root). */
  stat?: fs.Stats;
}

function refuse(message: string): WorkspaceRefusal {
  return new WorkspaceRefusal(message);
}

function leadsThrough(w: Walk, via: Via): string {
  return via.link === w.given ? `${w.given} is a symbolic link to ${via.target}` : `${w.given} leads through ${via.link}, a symbolic link to ${via.target}`;
}

function outside(w: Walk, via: Via | undefined): WorkspaceRefusal {
  return refuse(via ? `${leadsThrough(w, via)}, outside the workspace: refused` : `${w.given} is outside the workspace: refused`);
}

function dangling(w: Walk, via: Via): WorkspaceRefusal {
  return refuse(`${leadsThrough(w, via)}, which does not exist (Aurora never creates the target of a link): refused`);
}

function tooLong(w: Walk): WorkspaceRefusal {
  return refuse(`${w.given}: a name in this path is too long for the file system: refused`);
}

function changed(w: Pick<Walk, 'given' | 'root' | 'ci'>, where?: string): WorkspaceRefusal {
  if (where !== undefined && under(w.root, where, w.ci) === undefined) {
    return refuse(`${w.given} now leads to ${where}, outside the workspace (it changed while Aurora opened it): refused`);
  }
  return refuse(`${w.given} changed while Aurora was opening it (a link or folder was swapped): refused`);
}

/** Follow `segments` from `start` (real segments below the root), link by link. */
function walk(w: Walk, start: readonly string[], segments: readonly string[], via: Via | undefined): Reached {
  const segs = [...start];
  let stat: fs.Stats | undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === '' || seg === '.') {
      continue;
    }
    if (stat && !stat.isDirectory()) {
      throw refuse(`${w.given}: ${segs.join('/')} is a file, not a folder: refused`);
    }
    if (seg === '..') {
      if (segs.length === 0) {
        throw outside(w, via);
      }
      segs.pop();
      stat = undefined;
      continue;
    }
    const here = path.join(w.root, ...segs, seg);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(here);
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOENT') {
        return { segs, missing: segments.slice(i).filter((s) => s !== '' && s !== '.') };
      }
      if (code === 'ENAMETOOLONG') {
        throw tooLong(w);
      }
      if (code === 'ENOTDIR' || code === 'ELOOP') {
        // a folder on the way became a file or a link since it was looked at
        throw changed(w);
      }
      throw e;
    }
    if (st.isSymbolicLink()) {
      const reached = follow(w, segs, seg, here);
      segs.splice(0, segs.length, ...reached.segs);
      stat = reached.stat;
    } else {
      segs.push(seg);
      stat = st;
    }
  }
  return { segs, missing: [], stat };
}

/** Resolve the link `folder/name` (at `here`): its target must exist and stay inside the root. */
function follow(w: Walk, folder: readonly string[], name: string, here: string): Reached {
  if (++w.links > MAX_LINKS) {
    throw refuse(`${w.given} goes through more than ${MAX_LINKS} symbolic links (a loop?): refused`);
  }
  let target: string;
  try {
    target = fs.readlinkSync(here);
  } catch {
    // it was a link a moment ago
    throw changed(w);
  }
  const via: Via = { link: [...folder, name].join('/'), target };
  // Windows reports some link targets in the \\?\ form
  const plain = process.platform === 'win32' ? target.replace(/^\\\\\?\\/, '') : target;
  let start: readonly string[] = folder;
  let rest = plain;
  if (path.isAbsolute(plain)) {
    const inside = under(w.root, plain, w.ci) ?? under(w.lexicalRoot, plain, w.ci);
    if (inside === undefined) {
      throw outside(w, via);
    }
    start = [];
    rest = inside;
  }
  const reached = walk(w, start, rest.split(SEPARATORS), via);
  if (reached.missing.length > 0) {
    throw dangling(w, via);
  }
  return reached;
}

/** Why the agent may not have this (relative) path for `purpose`, checked on every name it has. */
function nameProblem(given: string, relative: string, purpose: SafePurpose): string | undefined {
  const shown = given === relative ? given : `${given} (really ${relative})`;
  const secret = secretReason(given) ?? secretReason(relative);
  if (secret) {
    return purpose === 'read' ? `${shown} is not readable by the agent: ${secret}` : `the agent may not write ${shown}: ${secret}`;
  }
  if (purpose === 'write') {
    const prot = protectedReason(given) ?? protectedReason(relative);
    if (prot) {
      return `the agent may not write ${shown}: ${prot}`;
    }
  }
  return undefined;
}

/**
 * Resolve a workspace path component by component (see the module comment). Throws a
 * WorkspaceRefusal when a link leads outside the root or to nothing, when a name on the way is a
 * file, when the path is a folder or not a regular file, or when the file is a secret (or, for
 * writes, aurora.yaml or another protected file). A missing file is not an error: `stat` is then
 * undefined. `absolutePath` is normalised lexically first, as the policy did.
 */
export function resolveSafe(root: string, absolutePath: string, purpose: SafePurpose, options: SafeFsOptions = {}): SafeTarget {
  const ci = options.caseInsensitive ?? false;
  const lexicalRoot = path.resolve(root);
  let realRoot: string;
  try {
    realRoot = fs.realpathSync.native(lexicalRoot);
  } catch {
    throw refuse(`the workspace folder ${lexicalRoot} cannot be opened: refused`);
  }
  const absolute = path.resolve(absolutePath);
  const inside = under(realRoot, absolute, ci) ?? under(lexicalRoot, absolute, ci);
  if (inside === undefined) {
    throw refuse(`${absolutePath} is outside the workspace: refused`);
  }
  const segments = inside.split(SEPARATORS).filter((s) => s !== '');
  const given = segments.join('/');
  if (given === '') {
    throw refuse('the workspace folder itself is not a file: refused');
  }
  const early = nameProblem(given, given, purpose);
  if (early) {
    throw refuse(`${early}: refused`);
  }
  const w: Walk = { root: realRoot, lexicalRoot, given, ci, links: 0 };
  const reached = walk(w, [], segments, undefined);
  const relative = [...reached.segs, ...reached.missing].join('/');
  if (relative === '') {
    throw refuse(`${given} is the workspace folder itself, not a file: refused`);
  }
  const problem = nameProblem(given, relative, purpose);
  if (problem) {
    throw refuse(`${problem}: refused`);
  }
  const existingFolder = path.join(realRoot, ...(reached.missing.length > 0 ? reached.segs : reached.segs.slice(0, -1)));
  const target: SafeTarget = {
    root: realRoot,
    absolute: path.join(realRoot, ...reached.segs, ...reached.missing),
    relative,
    given,
    existingFolder,
    missingFolders: reached.missing.slice(0, -1),
  };
  if (reached.missing.length > 0) {
    return target;
  }
  const stat = reached.stat ?? fs.lstatSync(target.absolute);
  if (stat.isDirectory()) {
    throw refuse(`${given} is a folder, not a file: refused`);
  }
  if (!stat.isFile()) {
    throw refuse(`${given} is not a regular file (a device, pipe or socket): refused`);
  }
  target.stat = stat;
  return target;
}

/** Where an open descriptor really is (Linux), or undefined when the system does not say. */
function openedPath(fd: number): string | undefined {
  if (process.platform !== 'linux') {
    return undefined;
  }
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** The descriptor must be the thing at `expected` now, reached without links, of the right kind. */
async function checkOpened(handle: fs.promises.FileHandle, expected: string, kind: 'file' | 'folder', t: SafeTarget, ci: boolean): Promise<void> {
  const who = { given: t.given, root: t.root, ci };
  const opened = await handle.stat({ bigint: true });
  let now: fs.BigIntStats;
  try {
    now = fs.lstatSync(expected, { bigint: true });
  } catch {
    throw changed(who);
  }
  if (now.isSymbolicLink() || now.dev !== opened.dev || now.ino !== opened.ino || (kind === 'file' ? !opened.isFile() : !opened.isDirectory())) {
    throw changed(who, openedPath(handle.fd));
  }
  const where = openedPath(handle.fd);
  if (where !== undefined && !samePath(where, expected, ci)) {
    throw changed(who, where);
  }
}

/** Open an error of `open` as a sentence when it means the path was tampered with or is unusable. */
function openProblem(e: unknown, t: SafeTarget, ci: boolean): unknown {
  switch (errnoCode(e)) {
    case 'ELOOP':
    case 'EMLINK': // O_NOFOLLOW on a link, on some BSDs
    case 'ENOTDIR':
      return changed({ given: t.given, root: t.root, ci });
    case 'ENAMETOOLONG':
      return refuse(`${t.given}: a name in this path is too long for the file system: refused`);
    default:
      return e;
  }
}

async function readBytes(t: SafeTarget, ci: boolean): Promise<Buffer | undefined> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(t.absolute, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') {
      return undefined;
    }
    throw openProblem(e, t, ci);
  }
  try {
    await checkOpened(handle, t.absolute, 'file', t, ci);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Text of a workspace file, or undefined when it does not exist. Throws a WorkspaceRefusal for a
 * path that leads outside the workspace, through a link to nothing, or to a secret.
 */
export async function safeReadText(root: string, absolutePath: string, options: SafeFsOptions = {}): Promise<string | undefined> {
  const t = resolveSafe(root, absolutePath, 'read', options);
  if (!t.stat) {
    return undefined;
  }
  const bytes = await readBytes(t, options.caseInsensitive ?? false);
  return bytes?.toString('utf8');
}

/** Create the missing folders of `t` one at a time, each checked; returns the file's folder. */
async function makeFolders(t: SafeTarget, created: string[], ci: boolean): Promise<string> {
  let current = t.existingFolder;
  for (const name of t.missingFolders) {
    const next = path.join(current, name);
    try {
      await fs.promises.mkdir(next);
      created.push(next);
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENAMETOOLONG') {
        throw refuse(`${t.given}: a name in this path is too long for the file system: refused`);
      }
      if (code !== 'EEXIST') {
        throw openProblem(e, t, ci);
      }
      // someone made it meanwhile: the check below says whether it is a real folder
    }
    await checkFolder(next, t, ci);
    current = next;
  }
  return current;
}

async function checkFolder(folder: string, t: SafeTarget, ci: boolean): Promise<void> {
  if (process.platform === 'win32') {
    // folders cannot be opened as files there: an lstat is the check
    const st = fs.lstatSync(folder);
    if (st.isSymbolicLink() || !st.isDirectory()) {
      throw changed({ given: t.given, root: t.root, ci });
    }
    return;
  }
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(folder, fs.constants.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  } catch (e) {
    throw openProblem(e, t, ci);
  }
  try {
    await checkOpened(handle, folder, 'folder', t, ci);
  } finally {
    await handle.close();
  }
}

/** Write `content` to a fresh temporary file in `folder` and rename it over `t.absolute`. */
async function replaceFile(t: SafeTarget, folder: string, content: string | Uint8Array, ci: boolean): Promise<void> {
  // a short fixed-length name: a target name near the system's limit still gets a temp file
  const temp = path.join(folder, `.aurora-${randomBytes(6).toString('hex')}.tmp`);
  // keep the permission bits of the file replaced (not set-id bits); new files get 0644 less umask
  const mode = t.stat ? t.stat.mode & 0o777 : 0o644;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, mode);
  } catch (e) {
    throw openProblem(e, t, ci);
  }
  // where our temporary file really is, to remove it on failure
  let placed: string | undefined = openedPath(handle.fd) ?? temp;
  try {
    await checkOpened(handle, temp, 'file', t, ci);
    if (t.stat) {
      await handle.chmod(mode);
    }
    await handle.writeFile(content);
    await handle.sync();
    // only a regular file (or nothing) may be replaced: a link or folder put there since is refused
    let now: fs.Stats | undefined;
    try {
      now = fs.lstatSync(t.absolute);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') {
        throw e;
      }
    }
    if (now && !now.isFile()) {
      throw changed({ given: t.given, root: t.root, ci });
    }
    await fs.promises.rename(temp, t.absolute);
    placed = undefined;
    const where = openedPath(handle.fd);
    if (where !== undefined && !samePath(where, t.absolute, ci)) {
      throw refuse(`${t.given}: a folder on the path changed during the write, and the new text went to ${where}; check it`);
    }
  } catch (e) {
    if (placed !== undefined) {
      await fs.promises.unlink(placed).catch(() => undefined);
    }
    throw e;
  } finally {
    await handle.close();
  }
  await syncFolder(folder);
}

/** Make the rename itself durable (best effort: not every system lets a folder be synced). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') {
    return;
  }
  try {
    const dir = await fs.promises.open(folder, fs.constants.O_RDONLY | O_DIRECTORY);
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // durability of the folder entry is a bonus, not a requirement
  }
}

/**
 * Create or replace a workspace file atomically (see the module comment): missing folders are
 * created one at a time and checked, and on failure no temporary file or new folder is left.
 * Throws a WorkspaceRefusal for a path that leads outside the workspace, through a link to
 * nothing (its target is never created), or to a secret or protected file.
 */
export async function safeWriteText(root: string, absolutePath: string, content: string | Uint8Array, options: SafeFsOptions = {}): Promise<SafeTarget> {
  const ci = options.caseInsensitive ?? false;
  const t = resolveSafe(root, absolutePath, 'write', options);
  const created: string[] = [];
  try {
    const folder = await makeFolders(t, created, ci);
    await replaceFile(t, folder, content, ci);
  } catch (e) {
    for (const dir of created.reverse()) {
      await fs.promises.rmdir(dir).catch(() => undefined);
    }
    throw e;
  }
  return t;
}

/**
 * Get a path ready for a write another writer does (the editor's WorkspaceEdit): checked as for
 * safeWriteText, missing folders created one at a time and checked, and a file with other hard
 * links first replaced by a copy of itself, so the edit cannot reach the file the other link
 * names. Returns the target; write to its `absolute` path, which has no link in it.
 */
export async function prepareSafeWrite(root: string, absolutePath: string, options: SafeFsOptions = {}): Promise<SafeTarget> {
  const ci = options.caseInsensitive ?? false;
  const t = resolveSafe(root, absolutePath, 'write', options);
  const created: string[] = [];
  try {
    const folder = await makeFolders(t, created, ci);
    if (t.stat && t.stat.nlink > 1) {
      const bytes = await readBytes(t, ci);
      if (bytes !== undefined) {
        await replaceFile(t, folder, bytes, ci);
      }
    }
  } catch (e) {
    for (const dir of created.reverse()) {
      await fs.promises.rmdir(dir).catch(() => undefined);
    }
    throw e;
  }
  return t;
}
