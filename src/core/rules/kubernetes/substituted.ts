import { parseAllDocuments } from 'yaml';
import type { AnalyzeEnv } from '../../types';

/** How many folders up a skaffold.yaml is looked for (it usually sits at the repository root). */
const LEVELS = 5;
const SKAFFOLD = ['skaffold.yaml', 'skaffold.yml'];
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const namesByText = new Map<string, Set<string>>();

/** Image names read from a skaffold config (`build.artifacts[].image`) or a kustomization (`images[].name`). */
function namesIn(text: string): Set<string> {
  let names = namesByText.get(text);
  if (!names) {
    names = new Set();
    try {
      for (const doc of parseAllDocuments(text)) {
        const json = doc.toJS({ maxAliasCount: 100 }) as unknown;
        if (!json || typeof json !== 'object') {
          continue;
        }
        const o = json as { build?: { artifacts?: unknown }; images?: unknown; profiles?: unknown };
        const lists = [o.build?.artifacts, o.images];
        if (Array.isArray(o.profiles)) {
          for (const p of o.profiles as { build?: { artifacts?: unknown } }[]) {
            lists.push(p?.build?.artifacts);
          }
        }
        for (const list of lists) {
          for (const item of Array.isArray(list) ? (list as Record<string, unknown>[]) : []) {
            const name = item?.image ?? item?.name;
            if (typeof name === 'string' && name !== '') {
              names.add(name);
            }
          }
        }
      }
    } catch {
      // a config that does not parse names nothing
    }
    namesByText.set(text, names);
  }
  return names;
}

/**
 * Image names that deploy tooling replaces before a manifest reaches a cluster: the artifacts of
 * a skaffold.yaml in the manifest's folder or up to five folders above it (skaffold builds them
 * and writes the built tag into the manifests it deploys), and the `images:` of a kustomization
 * in the same folder. Empty when the host cannot read neighbouring files.
 */
export function substitutedImages(env: AnalyzeEnv): Set<string> {
  const read = env.readFile;
  if (!read) {
    return new Set();
  }
  const out = new Set<string>();
  const candidates = KUSTOMIZATION.slice();
  for (let up = 0; up < LEVELS; up++) {
    candidates.push(...SKAFFOLD.map((f) => '../'.repeat(up) + f));
  }
  for (const file of candidates) {
    const text = read.call(env, file);
    if (text !== undefined) {
      for (const name of namesIn(text)) {
        out.add(name);
      }
    }
  }
  return out;
}
