import type { Document } from 'yaml';
import { get, isMap, str, seqItems } from '../../parsers/yaml';
import type { Pair, YamlFile } from '../../parsers/yaml';
import type { AnalyzeEnv, Range, TextEdit } from '../../types';
import type { RuleContext, Report } from '../../rule';
import { rangeOf } from '../../parsers/yaml';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import type { MergedEntry } from '../shared/yamlMerge';

/** A service of a Compose file, as the rules of the pack see it. */
export interface ComposeService {
  name: string;
  doc: Document.Parsed;
  /** The pair `name: {…}` under `services:`. */
  pair: Pair<unknown, unknown>;
  /** The service map (aliases resolved). */
  node: unknown;
}

/** Every service of every document, in file order. Non-map services (e.g. `web: null`) are kept. */
export function composeServices(file: YamlFile): ComposeService[] {
  const out: ComposeService[] = [];
  for (const doc of file.documents) {
    const services = get(doc.contents, 'services', doc);
    for (const entry of mergedEntries(services, doc)) {
      if (entry.inherited) {
        continue;
      }
      out.push({ name: entry.key, doc, pair: entry.pair, node: entry.value });
    }
  }
  return out;
}

/** The range of a service's name (where "missing …" findings go). */
export function serviceKeyRange(file: YamlFile, service: ComposeService): Range {
  return rangeOf(file, service.pair.key);
}

/** The base service named by `extends:` in the same file, or 'external' / undefined. */
function extendsTarget(service: ComposeService, all: readonly ComposeService[]): ComposeService | 'external' | undefined {
  const ext = mergedEntry(service.node, 'extends', service.doc)?.value;
  if (ext === undefined) {
    return undefined;
  }
  const name = str(ext) ?? str(mergedEntry(ext, 'service', service.doc)?.value);
  if (isMap(ext) && mergedEntry(ext, 'file', service.doc)) {
    return 'external';
  }
  const target = all.find((s) => s.name === name && s !== service);
  return target ?? 'external';
}

/**
 * The entry of an attribute of a service: written in the service, merged in with `<<:`, or
 * inherited through `extends:` from a service of the same file. 'unknown' when the service
 * extends a service of another file, which may set it.
 */
export function serviceAttr(service: ComposeService, key: string, all: readonly ComposeService[], depth = 0): MergedEntry | 'unknown' | undefined {
  const own = mergedEntry(service.node, key, service.doc);
  if (own) {
    return own;
  }
  const base = extendsTarget(service, all);
  if (base === undefined || depth > 8) {
    return undefined;
  }
  if (base === 'external') {
    return 'unknown';
  }
  const inherited = serviceAttr(base, key, all, depth + 1);
  return inherited;
}

/** The attribute's value when it is known to be set, else undefined. */
export function attrValue(service: ComposeService, key: string, all: readonly ComposeService[]): unknown {
  const a = serviceAttr(service, key, all);
  return a === 'unknown' || a === undefined ? undefined : a.value;
}

/**
 * A service defined only partly in this file: no image, build or extends. Such entries come
 * from override files (`compose.override.yaml`) that add to a service defined elsewhere, so
 * "missing …" rules must not judge them.
 */
export function isPartial(service: ComposeService): boolean {
  if (!isMap(service.node)) {
    return true;
  }
  return !['image', 'build', 'extends'].some((k) => mergedEntry(service.node, k, service.doc));
}

const ONE_SHOT_NAME = /(^|[-_.])(migrate|migrations?|migrator|init|setup|seed|seeder|bootstrap|provision|cli|tools?|toolbox|test|tests|e2e|lint|backup-once|job|oneshot|one-shot|certbot-init|createbuckets?)($|[-_.\d])/i;
const TOOL_PROFILE = /^(tools?|tooling|cli|debug|test|tests|e2e|setup|init|migrate|migrations?|jobs?|manual|ops|admin|scripts?)$/i;

/**
 * Whether a service is a one-shot task (migration, seeding, tests, a CLI) rather than a
 * long-running server. Recognised by: another service waiting for it with
 * `condition: service_completed_successfully`; `restart: "no"` or `on-failure`;
 * `deploy.restart_policy.condition` none/on-failure; a tool-like profile; a task-like name.
 */
export function isOneShot(service: ComposeService, all: readonly ComposeService[]): boolean {
  for (const other of all) {
    const deps = attrValue(other, 'depends_on', all);
    for (const dep of mergedEntries(deps, other.doc)) {
      if (dep.key === service.name && str(mergedEntry(dep.value, 'condition', other.doc)?.value) === 'service_completed_successfully') {
        return true;
      }
    }
  }
  const restart = str(attrValue(service, 'restart', all));
  if (restart === 'no' || restart === 'false' || (restart !== undefined && restart.startsWith('on-failure'))) {
    return true;
  }
  const condition = str(get(get(attrValue(service, 'deploy', all), 'restart_policy', service.doc), 'condition', service.doc));
  if (condition === 'none' || condition === 'on-failure') {
    return true;
  }
  for (const p of seqItems(attrValue(service, 'profiles', all), service.doc)) {
    const profile = str(p);
    if (profile && TOOL_PROFILE.test(profile)) {
      return true;
    }
  }
  return ONE_SHOT_NAME.test(service.name);
}

/**
 * Wrap `ctx.report` so a place is reported once: a value inherited through an anchor by
 * several services is one problem, at the one line where it is written.
 */
export function reportOnce(ctx: RuleContext<YamlFile>): (report: Report) => void {
  const seen = new Set<string>();
  return (report) => {
    const k = `${report.range.start.line}:${report.range.start.character}`;
    if (seen.has(k)) {
      return;
    }
    seen.add(k);
    ctx.report(report);
  };
}

/** The text of a line's leading whitespace. */
export function lineIndent(file: YamlFile, line: number): string {
  return /^[ \t]*/.exec(file.index.lineText(line))?.[0] ?? '';
}

/**
 * An edit appending keys at the end of a block-style service map, indented like its other keys.
 * `lines` are relative: each level of nesting is written as two spaces and is re-indented with
 * the file's own step. Undefined when the service is not a block map written in place.
 */
export function appendToService(file: YamlFile, service: ComposeService, lines: readonly string[]): TextEdit | undefined {
  const node = service.node;
  if (!isMap(node) || node.flow || node.items.length === 0 || service.pair.value !== node) {
    return undefined;
  }
  const first = node.items[0];
  const last = node.items[node.items.length - 1];
  const keyCol = rangeOf(file, first.key).start.character;
  const nameCol = rangeOf(file, service.pair.key).start.character;
  const step = Math.max(1, keyCol - nameCol);
  const lastNode = (last.value ?? last.key) as { range?: [number, number, number] } | null;
  if (!lastNode?.range) {
    return undefined;
  }
  let end = file.index.positionAt(lastNode.range[1]);
  if (end.character === 0 && end.line > 0) {
    end = { line: end.line - 1, character: 0 };
  }
  // skip back over blank lines a block scalar may have kept
  let line = end.line;
  while (line > 0 && file.index.lineText(line).trim() === '') {
    line--;
  }
  const at = file.index.lineEndOffset(line);
  const eol = file.index.eol;
  const indent = ' '.repeat(keyCol);
  const text = lines.map((l) => {
    const depth = (/^ */.exec(l)?.[0].length ?? 0) / 2;
    return `${eol}${indent}${' '.repeat(depth * step)}${l.trimStart()}`;
  });
  return { range: file.index.range(at, at), newText: text.join('') };
}

/** Walk nested keys, resolving aliases and merge keys at every level. */
export function nestedValue(node: unknown, path: readonly string[], doc: Document): unknown {
  let n: unknown = node;
  for (const key of path) {
    n = mergedEntry(n, key, doc)?.value;
    if (n === undefined) {
      return undefined;
    }
  }
  return n;
}

const BASE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * Whether the analysed file is layered over another compose file: `compose.override.yaml`
 * (merged automatically by `docker compose`), or `compose.<env>.yaml` next to a base file
 * (used with `-f compose.yaml -f compose.prod.yaml`). Its services only add to or change the
 * base ones, so what they lack may well be in the base file.
 */
export function isOverrideFile(path: string, env: AnalyzeEnv): boolean {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  if (/^(docker-)?compose\.override\.ya?ml$/i.test(name)) {
    return true;
  }
  if (!/^(docker-)?compose[.-].+\.ya?ml$/i.test(name)) {
    return false;
  }
  return BASE_FILES.some((base) => base !== name && env.fileExists?.(base) === true);
}

/** Whether "missing …" rules may judge a service: complete, and not in an override file. */
export function judgeMissing(ctx: RuleContext<YamlFile>, service: ComposeService): boolean {
  return !isPartial(service) && !isOverrideFile(ctx.path, ctx.env);
}
