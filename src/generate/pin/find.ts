import { parseImageRef } from '../../core/rules/shared/image';
import type { FoundRef, PinMode } from './types';

/** The registry a reference without a registry host lives on. */
export const DEFAULT_REGISTRY = 'docker.io';

interface Line {
  /** Offset of the first character. */
  start: number;
  /** Text without the line break (and without a trailing '\r'). */
  text: string;
  /** 1-based. */
  number: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let n = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const raw = nl < 0 ? text.slice(start) : text.slice(start, nl);
    out.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, number: n });
    if (nl < 0) {
      return out;
    }
    start = nl + 1;
    n++;
  }
}

const VARIABLE = /\$|\{\{/;
// registry-side grammar of a repository path: lowercase components separated by '/'
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/** A FoundRef for an image reference written at `start`; skipped ones say why. */
export function imageRef(text: string, start: number, line: number): FoundRef {
  const base: FoundRef = { kind: 'image', text, start, end: start + text.length, line };
  if (VARIABLE.test(text)) {
    return { ...base, skip: 'uses a variable; it is resolved at build or deploy time' };
  }
  const parsed = parseImageRef(text);
  if (parsed.digest) {
    return { ...base, skip: 'already pinned by digest' };
  }
  const registry = (parsed.registry ?? DEFAULT_REGISTRY).toLowerCase();
  let repository = parsed.repository;
  if ((registry === DEFAULT_REGISTRY || registry === 'index.docker.io') && !repository.includes('/')) {
    // official images live under library/ on Docker Hub
    repository = `library/${repository}`;
  }
  if (!REPOSITORY.test(repository) || (parsed.tag !== undefined && !TAG.test(parsed.tag))) {
    return { ...base, skip: 'not a valid image reference' };
  }
  return { ...base, image: { registry, repository, tag: parsed.tag ?? 'latest', tagWritten: parsed.tag !== undefined } };
}

function isDockerfile(path: string): boolean {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return /^(dockerfile|containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

function isYaml(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** A GitHub Actions workflow or action metadata file (the files whose `uses:` name actions). */
export function isActionsFile(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return (isYaml(p) && /(^|\/)\.github\/workflows\/[^/]+$/.test(p)) || /(^|\/)action\.ya?ml$/i.test(p);
}

/**
 * Image references in a Dockerfile: `FROM` images (not stage names or scratch), `COPY --from=`
 * and `RUN --mount=…,from=` when they name an image rather than a stage.
 */
export function findDockerfileImages(text: string): FoundRef[] {
  const out: FoundRef[] = [];
  const stages = new Set<string>();
  let continued = false;
  let instruction = '';
  let inFlags = false;
  const fromValue = (value: string, start: number, line: number): void => {
    if (value === '' || /^\d+$/.test(value) || stages.has(value.toLowerCase())) {
      return;
    }
    out.push(imageRef(value, start, line));
  };
  for (const line of linesOf(text)) {
    const trimmed = line.text.trim();
    if (!continued && (trimmed === '' || trimmed.startsWith('#'))) {
      continue;
    }
    if (continued && trimmed.startsWith('#')) {
      // comment lines inside a continued instruction are dropped by the builder
      continue;
    }
    const tokens = [...line.text.matchAll(/\S+/g)].map((m) => ({ value: m[0], start: line.start + (m.index ?? 0) }));
    let i = 0;
    if (!continued) {
      instruction = tokens[0]?.value.toUpperCase() ?? '';
      inFlags = true;
      i = 1;
    }
    continued = /\\\s*$/.test(line.text);
    if (instruction === 'FROM' && inFlags) {
      while (i < tokens.length && tokens[i].value.startsWith('--')) {
        i++;
      }
      const image = tokens[i];
      if (image && image.value !== '\\') {
        inFlags = false;
        const as = tokens[i + 1]?.value.toUpperCase() === 'AS' ? tokens[i + 2]?.value : undefined;
        if (image.value.toLowerCase() !== 'scratch') {
          fromValue(image.value, image.start, line.number);
        }
        if (as) {
          stages.add(as.toLowerCase());
        }
      }
      continue;
    }
    if ((instruction === 'COPY' || instruction === 'RUN') && inFlags) {
      for (; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.value === '\\') {
          continue;
        }
        if (!t.value.startsWith('--')) {
          inFlags = false;
          break;
        }
        if (instruction === 'COPY' && /^--from=/i.test(t.value)) {
          fromValue(t.value.slice('--from='.length), t.start + '--from='.length, line.number);
        } else if (instruction === 'RUN' && /^--mount=/i.test(t.value)) {
          let offset = '--mount='.length;
          for (const part of t.value.slice(offset).split(',')) {
            if (/^from=/i.test(part)) {
              fromValue(part.slice(5), t.start + offset + 5, line.number);
            }
            offset += part.length + 1;
          }
        }
      }
    }
  }
  return out;
}

// `image: ref` (compose services, Kubernetes containers and initContainers, workflow containers)
const YAML_IMAGE = /^\s*(?:-\s+)?image\s*:\s+(["']?)([A-Za-z0-9$][^\s"'#]*)\1(?:\s+#.*)?\s*$/d;
const YAML_USES = /^\s*(?:-\s+)?uses\s*:\s+(["']?)([^\s"'#]+)\1(\s+#.*)?\s*$/d;

/** Image references under `image:` keys (and `uses: docker://…` steps in workflow files). */
export function findYamlImages(text: string, workflow: boolean): FoundRef[] {
  const out: FoundRef[] = [];
  for (const line of linesOf(text)) {
    const m = YAML_IMAGE.exec(line.text);
    if (m?.indices?.[2]) {
      out.push(imageRef(m[2], line.start + m.indices[2][0], line.number));
      continue;
    }
    const u = workflow ? YAML_USES.exec(line.text) : null;
    if (u?.indices?.[2] && u[2].startsWith('docker://')) {
      const skip = 'docker://'.length;
      out.push(imageRef(u[2].slice(skip), line.start + u.indices[2][0] + skip, line.number));
    }
  }
  return out;
}

const HEX40 = /^[0-9a-f]{40}$/i;

/** `uses:` action references in a workflow or action.yml, with the span a trailing comment may occupy. */
export function findActionRefs(text: string): FoundRef[] {
  const out: FoundRef[] = [];
  for (const line of linesOf(text)) {
    const m = YAML_USES.exec(line.text);
    if (!m?.indices?.[2]) {
      continue;
    }
    const value = m[2];
    const start = line.start + m.indices[2][0];
    const base: FoundRef = {
      kind: 'action',
      text: value,
      start,
      end: start + value.length,
      line: line.number,
      tailStart: start + value.length + m[1].length,
      lineEnd: line.start + line.text.length,
    };
    if (value.startsWith('./') || value.startsWith('../')) {
      out.push({ ...base, skip: 'local action; it is versioned with this repository' });
      continue;
    }
    if (value.startsWith('docker://')) {
      out.push({ ...base, skip: "container image; pin it with 'pin images'" });
      continue;
    }
    if (VARIABLE.test(value)) {
      out.push({ ...base, skip: 'uses a variable' });
      continue;
    }
    const a = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)((?:\/[^@]+)?)@(.+)$/.exec(value);
    if (!a) {
      out.push({ ...base, skip: 'not an owner/repo@ref reference' });
      continue;
    }
    if (HEX40.test(a[4])) {
      out.push({ ...base, skip: 'already pinned to a commit SHA' });
      continue;
    }
    out.push({ ...base, action: { owner: a[1], repo: a[2], path: a[3], ref: a[4] } });
  }
  return out;
}

/** Every pinnable (or skipped) reference of the mode in a file, chosen by its path. */
export function findRefs(path: string, text: string, mode: PinMode): FoundRef[] {
  if (mode === 'actions') {
    return isActionsFile(path) ? findActionRefs(text) : [];
  }
  if (isDockerfile(path)) {
    return findDockerfileImages(text);
  }
  if (isYaml(path)) {
    return findYamlImages(text, isActionsFile(path));
  }
  return [];
}
