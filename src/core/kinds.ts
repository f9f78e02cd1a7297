import type { TextIndex } from './text';
import type { AnalyzeEnv, FileKind } from './types';
import type { GrammarName } from './parsers/treeSitter';
import { hasTemplateSyntax, parseYamlFile } from './parsers/yaml';
import type { ParseProblem, YamlFile } from './parsers/yaml';
import { parseDockerfile } from './parsers/dockerfile';
import type { DockerfileModel } from './parsers/dockerfile';
import { parseTerraform } from './parsers/terraform';
import type { TerraformModel } from './parsers/terraform';

/** The parsed model each kind's rules receive. */
export interface KindModels {
  dockerfile: DockerfileModel;
  compose: YamlFile;
  kubernetes: YamlFile;
  'github-actions': YamlFile;
  'gitlab-ci': YamlFile;
  terraform: TerraformModel;
  aurora: YamlFile;
  pulumi: YamlFile;
  helm: null;
}

/** Result of parsing one file: a model for the rules, or a problem to report. */
export interface ParseResult<M> {
  model?: M;
  problem?: ParseProblem;
}

/**
 * One on-type analysis run (a single `analyze` call, or one `analyzeFiles` call of the editor):
 * parsers may start from earlier parses of similar texts (YAML documents, Terraform syntax trees).
 * Models built this way are valid until the next run, so a session is only for callers that drop
 * the models when the run ends.
 */
export interface ReuseSession {
  /** YAML chunks handed out in this run (see YamlParseOptions.usedChunks). */
  readonly yamlChunks: Set<object>;
}

/** One document of a multi-document model, for rules of `scope: 'document'` (see KindHandler.documents). */
export interface DocumentPart<M = unknown> {
  /** Its text from the start of its first line: the same text means the same findings at the same columns. */
  text: string;
  /** The offset of that line. */
  start: number;
  /** A model holding that document alone. */
  model: M;
}

/** How to parse one kind of file. */
export interface KindHandler<K extends FileKind> {
  kind: K;
  grammars: readonly GrammarName[];
  /** `reuse`: on-type analysis may reuse unchanged parts of an earlier parse (see ReuseSession). */
  parse(text: string, index: TextIndex, reuse?: ReuseSession): ParseResult<KindModels[K]>;
  /** The documents of a multi-document model; undefined when they cannot be analysed one by one. */
  documents?(model: KindModels[K]): DocumentPart<KindModels[K]>[] | undefined;
}

function yamlHandler<K extends 'compose' | 'kubernetes' | 'github-actions' | 'gitlab-ci' | 'aurora' | 'pulumi'>(
  kind: K,
): KindHandler<K> {
  return {
    kind,
    grammars: kind === 'github-actions' || kind === 'gitlab-ci' ? ['bash'] : [],
    parse(text, index, reuse) {
      const file = parseYamlFile(text, index, { reuseDocuments: reuse !== undefined, usedChunks: reuse?.yamlChunks });
      if (file.error) {
        return { problem: file.error };
      }
      return { model: file as KindModels[K] };
    },
    documents(model) {
      const file = model as YamlFile;
      if (/^%/m.test(file.text)) {
        // a directive (`%YAML 1.1`) changes how the documents after it read, from outside their text
        return undefined;
      }
      return file.documents.map((doc) => {
        const start = file.text.lastIndexOf('\n', doc.range[0] - 1) + 1;
        return { text: file.text.slice(start, Math.max(start, doc.range[2])), start, model: { ...file, documents: [doc] } as KindModels[K] };
      });
    },
  };
}

/** Parsers by kind. */
export const HANDLERS: { [K in FileKind]: KindHandler<K> } = {
  dockerfile: { kind: 'dockerfile', grammars: ['bash'], parse: (text, index, reuse) => ({ model: parseDockerfile(text, index, { reuse: reuse !== undefined }) }) },
  compose: yamlHandler('compose'),
  kubernetes: yamlHandler('kubernetes'),
  'github-actions': yamlHandler('github-actions'),
  'gitlab-ci': yamlHandler('gitlab-ci'),
  aurora: yamlHandler('aurora'),
  pulumi: yamlHandler('pulumi'),
  terraform: { kind: 'terraform', grammars: ['terraform'], parse: (text, index, reuse) => parseTerraform(text, index, { reuse: reuse !== undefined }) },
  helm: { kind: 'helm', grammars: [], parse: () => ({ model: null }) },
};

/** The tree-sitter grammars a kind's parser and rules need loaded (`loadGrammars`) before analysis. */
export function grammarsOf(kind: FileKind): readonly GrammarName[] {
  return HANDLERS[kind].grammars;
}

function baseName(path: string): string {
  const norm = path.replace(/\\/g, '/');
  return norm.slice(norm.lastIndexOf('/') + 1);
}

/**
 * Detect the kind of an infrastructure file from its path and, for YAML, its content.
 * Returns undefined for files the core does not analyse.
 */
export function detectKind(path: string, text?: string, env: AnalyzeEnv = {}): FileKind | undefined {
  const norm = path.replace(/\\/g, '/');
  const name = baseName(norm);
  const lower = name.toLowerCase();
  if (
    name === 'Dockerfile' ||
    name === 'Containerfile' ||
    lower === 'dockerfile' ||
    /^(Dockerfile|Containerfile)\.[^/]+$/i.test(name) ||
    /\.(dockerfile|containerfile)$/i.test(name)
  ) {
    return 'dockerfile';
  }
  if (/\.tf$/i.test(name)) {
    return 'terraform';
  }
  const isYaml = /\.ya?ml$/i.test(name);
  if (!isYaml) {
    return undefined;
  }
  // a workflow may be named aurora.yml (one that runs this linter): the folder decides first
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(norm)) {
    return 'github-actions';
  }
  if (lower === 'aurora.yaml' || lower === 'aurora.yml') {
    return 'aurora';
  }
  if (lower === '.gitlab-ci.yml' || lower === '.gitlab-ci.yaml' || /(^|\/)\.gitlab\/ci\/[^/]+$/.test(norm)) {
    return 'gitlab-ci';
  }
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(name)) {
    return 'compose';
  }
  // stack files (`Pulumi.<stack>.yaml`), the project file, and a YAML program's `Main.yaml` beside it
  if (/^Pulumi(\.[^/]+)?\.ya?ml$/.test(name) || (/^Main\.ya?ml$/.test(name) && (env.fileExists?.('Pulumi.yaml') || env.fileExists?.('Pulumi.yml')))) {
    return 'pulumi';
  }
  if (/(^|\/)templates\//.test(norm) && env.fileExists?.('../Chart.yaml')) {
    return 'helm';
  }
  // Go/Helm templating that breaks YAML (`{{- if }}` lines, `key: {{ .Value }}`) makes a template;
  // template strings inside scalars (`image: "app:{{ .Tag }}"`, an annotation) are opaque values
  if (text !== undefined && hasTemplateSyntax(text) && templatingBreaksYaml(text)) {
    return 'helm';
  }
  if (text !== undefined && looksLikeKubernetes(text)) {
    return 'kubernetes';
  }
  return undefined;
}

/**
 * Whether some `{{` of the text stands where YAML structure is read: at the start of a line or
 * of a value (after `key: `, `- `, `[`, `{` or `,`), outside quotes. There
 * the template decides the structure and the text cannot be analysed as written.
 */
export function templatingBreaksYaml(text: string): boolean {
  let at = text.indexOf('{{');
  while (at >= 0) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(lineStart, at);
    const quotes = (before.match(/"/g)?.length ?? 0) + (before.match(/'/g)?.length ?? 0);
    // (a `#` after a space or at the line start, outside quotes, begins a comment)
    if (quotes % 2 === 0 && !/(^|\s)#/.test(before) && /^\s*(-\s+)?$|:\s+$|[[{,]\s*$/.test(before)) {
      return true;
    }
    at = text.indexOf('{{', at + 2);
  }
  return false;
}

/** A YAML stream with at least one document holding top-level apiVersion and kind keys. */
function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion:\s*\S/m.test(text) && /^kind:\s*\S/m.test(text);
}
