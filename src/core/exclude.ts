import picomatch from 'picomatch';

/*
 * `exclude:` in aurora.yaml and `check --exclude`: globs of files the hosts do not analyse (test
 * data, vendored charts, generated manifests). Hosts still count the recognised infrastructure
 * files they leave out, as skipped with reason "excluded", so nothing is dropped in silence.
 *
 * A pattern is matched against the path relative to its base (the folder of aurora.yaml, or the
 * working directory for --exclude), `/`-separated, gitignore-like:
 * - it excludes a file when it matches the file's path or one of its parent folders
 *   (`test/fixtures` excludes everything below that folder);
 * - without a `/` (other than a trailing one) it matches a name at any depth (`testdata`,
 *   `*.generated.yaml`);
 * - a leading `/` anchors it to the base, a trailing `/` matches folders only;
 * - `*` matches within a name, `**` across folders, plus `?`, `[abc]` and `{a,b}`; names that
 *   start with a dot are matched like any other.
 */

/** Why a pattern cannot be used (it is then ignored), or undefined when it is usable. */
export function excludeGlobProblem(glob: string): string | undefined {
  const g = glob.trim();
  if (/^[./]*$/.test(g) && !g.split('/').includes('..')) {
    return 'an empty pattern (or only / and .) matches nothing';
  }
  if (g.includes('\\')) {
    return 'use / between folders: a backslash escapes the next character in a glob';
  }
  if (g.startsWith('!')) {
    return 'negation (!) is not supported: list only what to exclude';
  }
  if (/^[A-Za-z]:\//.test(g) || g.startsWith('~')) {
    return 'patterns are relative to the folder of aurora.yaml (a leading / anchors there), not paths of this machine';
  }
  if (g.split('/').includes('..')) {
    return 'patterns are relative to the folder of aurora.yaml: a .. segment never matches a file analysed there';
  }
  for (const [open, close] of [
    ['[', ']'],
    ['{', '}'],
    ['(', ')'],
  ] as const) {
    let depth = 0;
    for (const c of g) {
      depth += c === open ? 1 : c === close ? -1 : 0;
      if (depth < 0) {
        break;
      }
    }
    if (depth !== 0) {
      return `unbalanced ${open} ${close}: write the pattern with its brackets closed, or quote the name another way`;
    }
  }
  return undefined;
}

interface Pattern {
  test(path: string): boolean;
  anchoredOrNested: boolean;
  dirOnly: boolean;
}

function compile(glob: string): Pattern {
  let g = glob.trim();
  const dirOnly = g.endsWith('/');
  g = g.replace(/\/+$/, '');
  const anchored = g.startsWith('/') || g.startsWith('./');
  g = g.replace(/^(\.?\/)+/, '');
  return { test: picomatch(g, { dot: true }), anchoredOrNested: anchored || g.includes('/'), dirOnly };
}

/**
 * A predicate telling whether a path (relative to the patterns' base, `/`-separated) is excluded
 * by one of the usable `globs` (see the rules above; unusable ones are ignored).
 */
export function excludeMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.filter((g) => excludeGlobProblem(g) === undefined).map(compile);
  if (patterns.length === 0) {
    return () => false;
  }
  return (relativePath) => {
    const segments = relativePath.split('/').filter((s) => s !== '' && s !== '.');
    for (let i = 1; i <= segments.length; i++) {
      const isDir = i < segments.length;
      for (const p of patterns) {
        if (p.dirOnly && !isDir) {
          continue;
        }
        if (p.test(p.anchoredOrNested ? segments.slice(0, i).join('/') : segments[i - 1])) {
          return true;
        }
      }
    }
    return false;
  };
}
