/**
 * Pure folder lookups of the tasks (no `vscode` import, unit-tested): the project a file belongs
 * to, and the aurora.yaml whose `permissions.network` applies to a folder.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Files that mark the root of an application project (what the detector reads first). */
export const PROJECT_MARKERS: readonly string[] = ['package.json', 'requirements.txt', 'pyproject.toml', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts'];

/** Names of the config file, in the order they are looked for. */
const CONFIG_NAMES: readonly string[] = ['aurora.yaml', 'aurora.yml'];

/** Whether `dir` is `root` or below it. */
function within(dir: string, root: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The nearest folder at or above `dir`, not above `root`, holding a project manifest; undefined when none. */
export function projectFolderOf(dir: string, root: string): string | undefined {
  let current = path.resolve(dir);
  const top = path.resolve(root);
  while (within(current, top)) {
    if (PROJECT_MARKERS.some((m) => fs.existsSync(path.join(current, m)))) {
      return current;
    }
    if (current === top) {
      break;
    }
    current = path.dirname(current);
  }
  return undefined;
}

/**
 * The nearest aurora.yaml (or aurora.yml) at or above `dir`, not above `stopAt` (the workspace
 * folder: a file outside it is not the workspace's to apply); up to the filesystem root without
 * `stopAt`.
 */
export function findAuroraYaml(dir: string, stopAt: string | undefined): string | undefined {
  let current = path.resolve(dir);
  const top = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (;;) {
    if (top !== undefined && !within(current, top)) {
      return undefined;
    }
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (fs.existsSync(candidate)) {
        return candidate;
      }
    }
    const parent = path.dirname(current);
    if (parent === current || current === top) {
      return undefined;
    }
    current = parent;
  }
}
