import { findRefs } from './find';
import type { FoundRef, PinFileResult, PinMode, PinOutcome, PinResolver, Resolution, TextEdit } from './types';

export * from './types';
export { findRefs, findActionRefs, findDockerfileImages, findYamlImages, isActionsFile, imageRef, DEFAULT_REGISTRY } from './find';

/** The text that replaces an image reference: the tag stays for readability, the digest pins it. */
export function pinnedImage(ref: FoundRef, digest: string): string {
  return ref.image && !ref.image.tagWritten ? `${ref.text}:latest@${digest}` : `${ref.text}@${digest}`;
}

/** The edits that pin one reference: images get `@digest`, actions get the SHA and `# tag` replacing any trailing comment. */
export function pinEdits(ref: FoundRef, value: string): TextEdit[] {
  if (ref.kind === 'image') {
    return [{ start: ref.start, end: ref.end, newText: pinnedImage(ref, value) }];
  }
  const action = ref.action;
  if (!action) {
    return [];
  }
  const edits: TextEdit[] = [{ start: ref.start, end: ref.end, newText: `${action.owner}/${action.repo}${action.path}@${value}` }];
  if (ref.tailStart !== undefined && ref.lineEnd !== undefined) {
    edits.push({ start: ref.tailStart, end: ref.lineEnd, newText: ` # ${action.ref}` });
  }
  return edits;
}

/** Apply non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

function key(ref: FoundRef): string {
  if (ref.image) {
    return `i ${ref.image.registry}/${ref.image.repository}:${ref.image.tag}`;
  }
  const a = ref.action;
  return a ? `a ${a.owner}/${a.repo}@${a.ref}`.toLowerCase() : '';
}

/**
 * Resolve a set of references once each (the same image in several files is asked for once);
 * keys as in `pinFile`'s cache.
 */
export type ResolutionCache = Map<string, Promise<Resolution>>;

/**
 * Pin every reference of `mode` in one file. All references are resolved before any edit is
 * computed; the result lists what was pinned, skipped and why, and what failed.
 */
export async function pinFile(path: string, text: string, mode: PinMode, resolver: PinResolver, cache: ResolutionCache = new Map()): Promise<PinFileResult> {
  const refs = findRefs(path, text, mode);
  const outcomes: PinOutcome[] = [];
  const edits: TextEdit[] = [];
  for (const ref of refs) {
    if (ref.skip) {
      outcomes.push({ ref, status: 'skipped', detail: ref.skip });
      continue;
    }
    const k = key(ref);
    let pending = cache.get(k);
    if (!pending) {
      pending = ref.image ? resolver.resolveImage(ref.image) : ref.action ? resolver.resolveAction(ref.action) : Promise.resolve({ ok: false, reason: 'nothing to resolve' });
      cache.set(k, pending);
    }
    const r = await pending;
    if (!r.ok) {
      outcomes.push({ ref, status: 'failed', detail: r.reason, allowHost: r.allowHost });
      continue;
    }
    const own = pinEdits(ref, r.value);
    edits.push(...own);
    outcomes.push({ ref, status: 'pinned', detail: own[0].newText });
  }
  return { edits, newText: applyEdits(text, edits), outcomes };
}
