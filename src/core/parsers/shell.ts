import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import { directCursorCalls, parserFor, treeAddress } from './treeSitter';
import type { CursorCalls } from './treeSitter';
import { TextCache } from '../caches';

/** One word of a shell command, with its literal value when it has one. */
export interface ShellWord {
  /** Source text, quotes included. */
  raw: string;
  /** Value after quote removal; expansions are kept as written. */
  value: string;
  /** True when the value depends on an expansion ($VAR, $(…), `…`, globs are not counted). */
  dynamic: boolean;
  /** Offsets in the parsed text. */
  start: number;
  end: number;
}

/** A redirection such as `> file`, `2>&1` or a here-document. */
export interface ShellRedirect {
  operator: string;
  target?: ShellWord;
  /** Body of a here-document, when this is one. */
  heredoc?: string;
  start: number;
  end: number;
}

/** A simple command: `NAME=v cmd arg… >redir`. */
export interface ShellCommand {
  /** Command name after quote removal ('' when the statement is only assignments). */
  name: string;
  nameWord?: ShellWord;
  args: ShellWord[];
  assignments: { name: string; value: ShellWord | undefined }[];
  redirects: ShellRedirect[];
  /** Index of this command in its pipeline and the pipeline's length (1 when not piped). */
  pipeIndex: number;
  pipeLength: number;
  /** Id of the pipeline (commands with the same id are piped together). */
  pipelineId: number;
  /** Nesting depth inside $(…), `…`, <(…) — 0 at top level. */
  substitutionDepth: number;
  /**
   * Where its standard input comes from, enclosing compound commands and pipelines included
   * (`curl … | { bash; }`, `(curl …) | bash`, `{ python3; } < f`, `while …; done <<< "$x"`): the
   * nearest input redirection (its own, then each enclosing compound's) or pipe; absent when
   * nothing in the script feeds it.
   */
  input?: ShellInput;
  /** Its standard output goes into a pipe: its own pipeline's, or an enclosing group's or subshell's (`{ curl …; } | sh`). */
  pipedOut: boolean;
  /** Raw text of the whole command (with its redirects). */
  raw: string;
  start: number;
  end: number;
}

/** The source of a command's standard input (see ShellCommand.input). */
export type ShellInput =
  /** An input redirection (`< f`, `0< f`, here-document, here-string, `<&3`) of the command (`node: 'command'`) or of a compound command around it. */
  | { kind: 'redirect'; redirect: ShellRedirect; node: CompoundNode | 'command' }
  /** A pipe: the members before it in the pipeline span `from` (offsets; commands of substitutions inside count too). */
  | { kind: 'pipe'; from: { start: number; end: number } };

/** The compound command a redirection of `compoundRedirects` belongs to. */
export type CompoundNode = 'subshell' | 'group' | 'if' | 'while' | 'for' | 'case' | 'test' | 'function' | 'negated' | 'other';

const COMPOUND_NODES: Readonly<Record<string, CompoundNode>> = {
  subshell: 'subshell',
  compound_statement: 'group',
  if_statement: 'if',
  while_statement: 'while',
  for_statement: 'for',
  c_style_for_statement: 'for',
  case_statement: 'case',
  test_command: 'test',
  function_definition: 'function',
  negated_command: 'negated',
};

/** A parsed shell snippet, reduced to plain data (the syntax tree is freed). */
export interface ShellScript {
  text: string;
  commands: ShellCommand[];
  /** Variables assigned as standalone statements (`X=1; …`), in order. */
  assignments: { name: string; value: ShellWord | undefined }[];
  /** Names of functions defined in the snippet. */
  functions: string[];
  /**
   * Redirections of compound commands (`{ …; } > f`, `( … ) > f`, `if …; fi > f`, loops, `case`,
   * `[[ … ]] > f`): they apply to everything inside, so they belong to no single simple command.
   * `start` is where the compound command begins.
   */
  compoundRedirects: { redirects: ShellRedirect[]; start: number; end: number; node: CompoundNode }[];
  /** `export`, `declare`, `typeset`, `local`, `readonly` statements: keyword and option words (`-f`). */
  declarations: { keyword: string; options: string[]; start: number }[];
  /** The parser found a syntax error somewhere. */
  hasError: boolean;
  /** Offset of the first syntax error, when there is one. */
  errorOffset?: number;
}

const COMMAND_LIKE = new Set([
  'command',
  'redirected_statement',
  'subshell',
  'compound_statement',
  'if_statement',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
  'case_statement',
  'negated_command',
  'test_command',
  'declaration_command',
  'unset_command',
  'function_definition',
  'variable_assignment',
  'variable_assignments',
]);

/**
 * Parsed scripts by text. The same RUN lines and CI scripts come back on every keystroke (and
 * across files: `npm ci`, `apt-get update`), so a bounded cache saves most tree-sitter work.
 * Results are plain data that no caller mutates.
 */
const CACHE_CHAR_BUDGET = 2_000_000;
const scriptCache = new TextCache<ShellScript>(CACHE_CHAR_BUDGET);

/** Parse a shell snippet with tree-sitter-bash. Requires the bash grammar to be loaded. */
export function parseShell(text: string): ShellScript {
  const hit = scriptCache.get(text);
  if (hit) {
    return hit;
  }
  const script = parseShellUncached(text);
  if (text.length <= CACHE_CHAR_BUDGET / 20) {
    scriptCache.set(text, script);
  }
  return script;
}

function parseShellUncached(text: string): ShellScript {
  const parser = parserFor('bash');
  const tree = parser.parse(text);
  if (!tree) {
    return { text, commands: [], assignments: [], functions: [], compoundRedirects: [], declarations: [], hasError: true, errorOffset: 0 };
  }
  let root: Node;
  try {
    root = readTree(tree, text);
  } finally {
    tree.delete();
  }
  const errors = root.hasError ? errorNodes(root).filter((n) => !herestringOnCompound(n)) : [];
  const script: ShellScript = { text, commands: [], assignments: [], functions: [], compoundRedirects: [], declarations: [], hasError: errors.length > 0 };
  if (script.hasError) {
    script.errorOffset = firstErrorOffset(root, errors);
  }
  const state: WalkState = { nextPipeline: 0, owned: new Map(), pipelines: new Map() };
  walk(root, text, script, state, 0);
  script.commands.sort((a, b) => a.start - b.start);
  return script;
}

/**
 * A node of a bash syntax tree, read out of the wasm parser in one pass (readTree). Each property
 * of a web-tree-sitter node is a call into wasm (and `parent`, `children` new node objects each
 * time); the walk below asks many of them several times per node, these are plain fields.
 */
class Node {
  readonly children: Node[] = [];
  parent: Node | null = null;
  /** Index in the parent's children. */
  index = 0;
  /** The field this node fills in its parent (only read for FIELD_PARENTS). */
  field: string | null = null;
  isMissing = false;
  /** It is or holds an ERROR or missing node. */
  hasError = false;
  private named: Node[] | undefined;

  constructor(
    /** Unique within its tree. */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): Node[] {
    return this.named ?? NO_NODES;
  }

  /** Add a child (readTree only): to its children, and to its named children when named. */
  adopt(child: Node): void {
    child.parent = this;
    child.index = this.children.length;
    this.children.push(child);
    if (child.isNamed) {
      (this.named ??= []).push(child);
    }
  }

  get nextSibling(): Node | null {
    return this.parent?.children[this.index + 1] ?? null;
  }

  get previousSibling(): Node | null {
    return this.index > 0 ? (this.parent?.children[this.index - 1] ?? null) : null;
  }

  childForFieldName(name: string): Node | null {
    return this.children.find((c) => c.field === name) ?? null;
  }
}

/** The named children of a node that has none (shared: nothing adds to a list it did not make). */
const NO_NODES: Node[] = [];

/** The node types whose children's fields the walk asks for (childForFieldName). */
const FIELD_PARENTS = new Set(['function_definition', 'variable_assignment', 'redirected_statement']);

/** Type names and whether they are named, by type id, per grammar. */
const typeTables = new WeakMap<Language, { names: string[]; named: boolean[] }>();

/** web-tree-sitter's TreeCursor behind the same calls (when its build lacks the direct ones). */
function wrapCursor(cursor: TreeCursor): CursorCalls {
  return {
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    isMissing: () => (cursor.nodeIsMissing ? 1 : 0),
    fieldId: () => cursor.currentFieldId,
    gotoFirstChild: () => (cursor.gotoFirstChild() ? 1 : 0),
    gotoNextSibling: () => (cursor.gotoNextSibling() ? 1 : 0),
    gotoParent: () => (cursor.gotoParent() ? 1 : 0),
  };
}

/**
 * Read a whole tree into Nodes with one tree cursor: per node its type id, start and end, and
 * the moves (about five calls into wasm, no node objects of web-tree-sitter). The calls go straight
 * to wasm (directCursorCalls) unless `generic` asks for web-tree-sitter's TreeCursor; nothing
 * else may call into tree-sitter while it reads.
 */
export function readTree(tree: Tree, text: string, generic = false): Node {
  const language = tree.language;
  let table = typeTables.get(language);
  if (!table) {
    table = { names: [], named: [] };
    typeTables.set(language, table);
  }
  const { names, named } = table;
  const fields = language.fields;
  const withErrors = tree.rootNode.hasError;
  const treeCursor = tree.walk();
  const direct = generic ? undefined : directCursorCalls();
  const c: CursorCalls = direct ?? wrapCursor(treeCursor);
  const at = treeAddress(tree);
  let nextId = 0;
  const read = (parent: Node | null): Node => {
    const typeId = c.typeId(at);
    let type = names[typeId];
    if (type === undefined) {
      type = language.types[typeId] || 'ERROR';
      names[typeId] = type;
      named[typeId] = language.nodeTypeIsNamed(typeId);
    }
    const node = new Node(nextId++, type, named[typeId], c.startIndex(at), c.endIndex(at), text);
    if (withErrors) {
      node.isMissing = c.isMissing(at) === 1;
    }
    if (parent) {
      parent.adopt(node);
      if (FIELD_PARENTS.has(parent.type)) {
        node.field = fields[c.fieldId(at)] ?? null;
      }
    }
    return node;
  };
  try {
    const root = read(null);
    let parent = root;
    if (c.gotoFirstChild(at) === 1) {
      for (;;) {
        const node = read(parent);
        if (c.gotoFirstChild(at) === 1) {
          parent = node;
          continue;
        }
        let done = false;
        while (c.gotoNextSibling(at) !== 1) {
          if (parent === root || c.gotoParent(at) !== 1 || !parent.parent) {
            done = true;
            break;
          }
          parent = parent.parent;
        }
        if (done) {
          break;
        }
      }
    }
    if (withErrors) {
      markErrors(root);
    }
    return root;
  } finally {
    treeCursor.delete();
  }
}

/** Set hasError on ERROR and missing nodes and every node above them. */
function markErrors(node: Node): boolean {
  let error = node.type === 'ERROR' || node.isMissing;
  for (const child of node.children) {
    error = markErrors(child) || error;
  }
  node.hasError = error;
  return error;
}

/** The ERROR and missing nodes of a tree, in text order. */
function errorNodes(node: Node, out: Node[] = []): Node[] {
  if (node.type === 'ERROR' || node.isMissing) {
    out.push(node);
    return out;
  }
  for (const child of node.children) {
    if (child.hasError) {
      errorNodes(child, out);
    }
  }
  return out;
}

function firstErrorOffset(node: Node, errors: readonly Node[]): number {
  return errors[0]?.startIndex ?? node.startIndex;
}

/**
 * tree-sitter-bash reads a here-string on a group or subshell (`{ cat; } <<< "$x"`, `( … ) <<< w`)
 * as an ERROR `<<` followed by a `< w` file redirection (loops and simple commands parse fine).
 * Bash accepts it: the error is excused and the redirection read as `<<<` (see toRedirect).
 */
function herestringOnCompound(error: Node): boolean {
  const next = error.nextSibling;
  return (
    error.type === 'ERROR' &&
    error.text === '<<' &&
    error.parent?.type === 'redirected_statement' &&
    next !== null &&
    next.type === 'file_redirect' &&
    next.startIndex === error.endIndex &&
    next.children[0]?.type === '<'
  );
}

interface WalkState {
  nextPipeline: number;
  /** Redirections of compound commands by node id (the compound they apply to). */
  owned: Map<number, ShellRedirect[]>;
  /** Ids of the pipelines met so far (numbered like the lone commands, from nextPipeline). */
  pipelines: Map<Node, number>;
}

function walk(node: Node, text: string, script: ShellScript, state: WalkState, depth: number): void {
  const type = node.type;
  switch (type) {
    case 'command': {
      script.commands.push(toCommand(node, text, depth, state));
      break;
    }
    case 'function_definition': {
      const name = node.childForFieldName('name');
      if (name) {
        script.functions.push(name.text);
      }
      // `f() { …; } > out`: the redirection applies to every call of the function
      const redirects = node.namedChildren.filter((c) => c.type.endsWith('redirect')).map((c) => toRedirect(c, text));
      if (redirects.length > 0) {
        script.compoundRedirects.push({ redirects, start: node.startIndex, end: node.endIndex, node: 'function' });
      }
      break;
    }
    case 'variable_assignment': {
      if (node.parent?.type !== 'command' && depth === 0) {
        script.assignments.push(toAssignment(node, text));
      }
      break;
    }
    case 'redirected_statement': {
      const owner = redirectOwner(node);
      if (owner && owner.type !== 'command') {
        const redirects = node.namedChildren.filter((c) => c.type.endsWith('redirect')).map((c) => toRedirect(c, text));
        state.owned.set(owner.id, [...(state.owned.get(owner.id) ?? []), ...redirects]);
        script.compoundRedirects.push({ redirects, start: owner.startIndex, end: owner.endIndex, node: COMPOUND_NODES[owner.type] ?? 'other' });
      }
      break;
    }
    case 'declaration_command': {
      const keyword = node.children[0]?.type ?? '';
      const options = node.namedChildren.filter((c) => c.type === 'word' && c.text.startsWith('-')).map((c) => c.text);
      script.declarations.push({ keyword, options, start: node.startIndex });
      break;
    }
    default:
      break;
  }
  const nextDepth = type === 'command_substitution' || type === 'process_substitution' ? depth + 1 : depth;
  for (const child of node.namedChildren) {
    walk(child, text, script, state, nextDepth);
  }
}

/** Lists and pipelines hand a trailing redirection to their last member (`a && b > f` redirects b). */
const REDIRECT_PASSING = new Set(['list', 'pipeline']);

/** The last command-like member of a list or pipeline. */
function lastMember(node: Node): Node | undefined {
  const children = node.namedChildren;
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i];
    const type = c.type;
    if (COMMAND_LIKE.has(type) || REDIRECT_PASSING.has(type)) {
      return c;
    }
  }
  return undefined;
}

/**
 * The statement a `redirected_statement`'s redirections apply to. tree-sitter-bash attaches
 * `a && b > f` and `a | b > f` to the whole list or pipeline; bash gives them to the last member.
 */
function redirectOwner(statement: Node): Node | undefined {
  let body = statement.childForFieldName('body') ?? undefined;
  while (body && (REDIRECT_PASSING.has(body.type) || body.type === 'redirected_statement')) {
    body = body.type === 'redirected_statement' ? (body.childForFieldName('body') ?? undefined) : lastMember(body);
  }
  return body;
}

function toAssignment(node: Node, text: string): { name: string; value: ShellWord | undefined } {
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  return { name: name ? name.text : '', value: value ? toWord(value, text) : undefined };
}

function toCommand(node: Node, text: string, depth: number, state: WalkState): ShellCommand {
  const args: ShellWord[] = [];
  const assignments: { name: string; value: ShellWord | undefined }[] = [];
  const redirects: ShellRedirect[] = [];
  let nameWord: ShellWord | undefined;
  for (const child of node.namedChildren) {
    const type = child.type;
    if (type === 'command_name') {
      const inner = child.namedChildren[0] ?? child;
      nameWord = toWord(inner, text);
    } else if (type === 'variable_assignment') {
      assignments.push(toAssignment(child, text));
    } else if (type.endsWith('redirect')) {
      redirects.push(toRedirect(child, text));
    } else if (type !== 'comment') {
      args.push(toWord(child, text));
    }
  }
  // `cmd > f` parses as redirected_statement(body: command, redirect: …)
  let outer: Node = node;
  let outerParent = outer.parent;
  let outerParentType = outerParent?.type;
  while (outerParent && outerParentType === 'redirected_statement') {
    const parent = outerParent;
    for (const child of parent.namedChildren) {
      if (child.type.endsWith('redirect')) {
        redirects.push(toRedirect(child, text));
      }
    }
    outer = parent;
    outerParent = outer.parent;
    outerParentType = outerParent?.type;
  }
  // `a && cmd > f` and `a | cmd > f` parse as redirected_statement(body: list/pipeline, …): the
  // redirections belong to the last member, which is this command when it ends the chain
  let member: Node = outer;
  let parent: Node | null = outerParent;
  let parentType = outerParentType;
  while (parent) {
    if (parentType !== undefined && REDIRECT_PASSING.has(parentType) && lastMember(parent)?.id === member.id) {
      member = parent;
    } else if (parentType === 'redirected_statement' && parent.childForFieldName('body')?.id === member.id) {
      for (const child of parent.namedChildren) {
        if (child.type.endsWith('redirect')) {
          redirects.push(toRedirect(child, text));
        }
      }
      member = parent;
    } else {
      break;
    }
    parent = member.parent;
    parentType = parent?.type;
  }
  let pipeIndex = 0;
  let pipeLength = 1;
  let pipelineId: number | undefined;
  const pipeline = outerParent;
  if (pipeline && outerParentType === 'pipeline') {
    const members = pipeline.namedChildren.filter((c) => COMMAND_LIKE.has(c.type));
    pipeLength = members.length;
    pipeIndex = Math.max(0, members.findIndex((m) => m.id === outer.id));
    let id = state.pipelines.get(pipeline);
    if (id === undefined) {
      id = state.nextPipeline++;
      state.pipelines.set(pipeline, id);
    }
    pipelineId = id;
  }
  pipelineId ??= state.nextPipeline++;
  const { input, pipedOut } = streamsOf(node, redirects, state);
  return {
    name: nameWord ? nameWord.value : '',
    nameWord,
    args,
    assignments,
    redirects,
    pipeIndex,
    pipeLength,
    pipelineId,
    substitutionDepth: depth,
    input,
    pipedOut,
    raw: text.slice(outer.startIndex, outer.endIndex),
    start: outer.startIndex,
    end: outer.endIndex,
  };
}

/** An input redirection for standard input (`< f`, `0< f`, `<< EOF`, `<<< text`, `<&3`), the last one winning; `<&-` closes it. */
export function inputRedirect(redirects: readonly ShellRedirect[]): ShellRedirect | undefined {
  let found: ShellRedirect | undefined;
  for (const r of redirects) {
    if (/^0?</.test(r.operator) && !/^0?<>/.test(r.operator)) {
      found = r;
    }
  }
  if (found && (/^0?<&-$/.test(found.operator) || (/^0?<&$/.test(found.operator) && found.target?.value === '-'))) {
    return undefined;
  }
  return found;
}

/** A redirection of standard output to a file (`>`, `1>>`, `>|`, `&>`, `>& file`); `>&2` and `2>` are not. */
export function stdoutRedirect(r: ShellRedirect): boolean {
  return /^(1?>|1?>>|1?>\||&>|&>>)$/.test(r.operator) || (/^1?>&$/.test(r.operator) && r.target !== undefined && !/^\d+-?$|^-$/.test(r.target.value));
}

/**
 * Where a command's standard input comes from and whether its output goes into a pipe, climbing
 * from the command through the compound commands and pipelines around it: the nearest
 * redirection or pipe wins. Substitutions end the climb for the output (it is the substitution's),
 * not for the input (a substitution reads what the command around it reads).
 */
function streamsOf(node: Node, redirects: readonly ShellRedirect[], state: WalkState): { input?: ShellInput; pipedOut: boolean } {
  const own = inputRedirect(redirects);
  let input: ShellInput | undefined = own ? { kind: 'redirect', redirect: own, node: 'command' } : undefined;
  let pipedOut: boolean | undefined = redirects.some(stdoutRedirect) ? false : undefined;
  let n: Node = node;
  while (n.parent && (input === undefined || pipedOut === undefined)) {
    if (n.type !== 'command' && n.type !== 'redirected_statement') {
      const list = state.owned.get(n.id) ?? [];
      const r: ShellRedirect | undefined = input === undefined ? inputRedirect(list) : undefined;
      if (r) {
        input = { kind: 'redirect', redirect: r, node: COMPOUND_NODES[n.type] ?? 'other' };
      }
      if (pipedOut === undefined && list.some(stdoutRedirect)) {
        pipedOut = false;
      }
    }
    const p: Node = n.parent;
    if (p.type === 'pipeline') {
      const members = p.namedChildren.filter((c) => c.type !== 'comment');
      const idx = members.findIndex((m) => m.id === n.id);
      if (input === undefined && idx > 0) {
        input = { kind: 'pipe', from: { start: members[0].startIndex, end: members[idx - 1].endIndex } };
      }
      if (pipedOut === undefined && idx >= 0 && idx < members.length - 1) {
        pipedOut = true;
      }
    }
    if (p.type === 'command_substitution' || p.type === 'process_substitution') {
      pipedOut ??= false;
    }
    n = p;
  }
  return { input, pipedOut: pipedOut ?? false };
}

function toRedirect(node: Node, text: string): ShellRedirect {
  let operator = '';
  let target: ShellWord | undefined;
  let heredoc: string | undefined;
  for (const child of node.children) {
    if (!child.isNamed) {
      operator += child.type;
    } else if (child.type === 'heredoc_body') {
      heredoc = child.text;
    } else if (child.type === 'file_descriptor') {
      operator = child.text + operator;
    } else if (!target && child.type !== 'heredoc_start' && child.type !== 'heredoc_end') {
      target = toWord(child, text);
    }
  }
  // `{ …; } <<< w` parses as ERROR `<<` + `< w` (see herestringOnCompound)
  const before = node.previousSibling;
  if (before && operator === '<' && herestringOnCompound(before)) {
    return { operator: '<<<', target, heredoc, start: before.startIndex, end: node.endIndex };
  }
  return { operator, target, heredoc, start: node.startIndex, end: node.endIndex };
}

/** Convert a word-like node into a ShellWord, removing quotes and escapes. */
function toWord(node: Node, text: string): ShellWord {
  const raw = text.slice(node.startIndex, node.endIndex);
  const { value, dynamic } = wordValue(node);
  return { raw, value, dynamic, start: node.startIndex, end: node.endIndex };
}

function wordValue(node: Node): { value: string; dynamic: boolean } {
  switch (node.type) {
    case 'word':
    case 'number':
    case 'command_name':
      return { value: unescapeBare(node.text), dynamic: node.namedChildren.some((c) => isDynamicType(c.type)) };
    case 'raw_string':
      return { value: node.text.slice(1, -1), dynamic: false };
    case 'ansi_c_string':
      return { value: decodeAnsiC(node.text.slice(2, -1)), dynamic: false };
    case 'string': {
      let value = '';
      let dynamic = false;
      const inner = node.text.slice(1, -1);
      if (node.namedChildren.length === 0) {
        return { value: unescapeDouble(inner), dynamic: false };
      }
      let cursor = node.startIndex + 1;
      for (const child of node.namedChildren) {
        value += unescapeDouble(node.text.slice(cursor - node.startIndex, child.startIndex - node.startIndex));
        if (child.type === 'string_content') {
          value += unescapeDouble(child.text);
        } else {
          value += child.text;
          dynamic = dynamic || isDynamicType(child.type);
        }
        cursor = child.endIndex;
      }
      value += unescapeDouble(node.text.slice(cursor - node.startIndex, node.text.length - 1));
      return { value, dynamic };
    }
    case 'concatenation': {
      let value = '';
      let dynamic = false;
      let cursor = node.startIndex;
      for (const child of node.children) {
        if (child.startIndex > cursor) {
          value += node.text.slice(cursor - node.startIndex, child.startIndex - node.startIndex);
        }
        const part = wordValue(child);
        value += part.value;
        dynamic = dynamic || part.dynamic;
        cursor = child.endIndex;
      }
      return { value, dynamic };
    }
    default:
      return { value: node.text, dynamic: isDynamicType(node.type) || node.namedChildren.some((c) => isDynamicType(c.type)) };
  }
}

function isDynamicType(type: string): boolean {
  return (
    type === 'simple_expansion' ||
    type === 'expansion' ||
    type === 'command_substitution' ||
    type === 'process_substitution' ||
    type === 'arithmetic_expansion' ||
    type === 'brace_expression'
  );
}

// (most words have no backslash: they are returned as they are, without the two replaces)
function unescapeBare(s: string): string {
  return s.includes('\\') ? s.replace(/\\\r?\n/g, '').replace(/\\(.)/g, '$1') : s;
}

function unescapeDouble(s: string): string {
  return s.includes('\\') ? s.replace(/\\\r?\n/g, '').replace(/\\([$`"\\])/g, '$1') : s;
}

function decodeAnsiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') {
      return String.fromCharCode(parseInt(e.slice(1), 16));
    }
    if (/^[0-7]+$/.test(e)) {
      return String.fromCharCode(parseInt(e, 8));
    }
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };
    return map[e] ?? e;
  });
}

/** Convenience: the flags of a command (args starting with '-') as written. */
export function flagsOf(command: ShellCommand): string[] {
  return command.args.filter((a) => !a.dynamic && a.value.startsWith('-')).map((a) => a.value);
}

/**
 * The word of the first option among `names` (long options exactly or as `--opt=…`, a
 * single-letter option also inside a cluster of short options: `-fsSLk` has `-k`); options end
 * at `--`, and computed words are skipped.
 */
export function findOption(args: readonly ShellWord[], ...names: string[]): ShellWord | undefined {
  for (const arg of args) {
    if (arg.dynamic) {
      continue;
    }
    const v = arg.value;
    if (v === '--') {
      return undefined;
    }
    for (const name of names) {
      if (name.startsWith('--')) {
        if (v === name || v.startsWith(name + '=')) {
          return arg;
        }
      } else if (name.length === 2 && name[0] === '-') {
        if (v === name || (/^-[A-Za-z0-9]+$/.test(v) && v.includes(name[1]))) {
          return arg;
        }
      } else if (v === name) {
        return arg;
      }
    }
  }
  return undefined;
}

/** Whether a command has one of these options (see findOption). */
export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  return findOption(command.args, ...names) !== undefined;
}

/**
 * The operands (non-option arguments) of a command with their index in `args`, skipping the
 * values of the options in `valueFlags` (`-o value`, `--option value`; `--option=value` is one
 * word); `--` ends the options.
 */
export function operands(args: readonly ShellWord[], valueFlags: readonly string[] = []): { word: ShellWord; index: number }[] {
  const out: { word: ShellWord; index: number }[] = [];
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (!afterDashDash && v === '--') {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && v.startsWith('-') && v.length > 1 && !args[i].dynamic) {
      if (valueFlags.includes(v)) {
        i++;
      }
      continue;
    }
    out.push({ word: args[i], index: i });
  }
  return out;
}

/** The non-flag arguments of a command (a rough positional view; flag values are not removed). */
export function positionalArgs(command: ShellCommand): ShellWord[] {
  return command.args.filter((a) => !a.value.startsWith('-'));
}
