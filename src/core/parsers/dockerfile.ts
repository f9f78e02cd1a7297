import { Argument, DockerfileParser, Instruction as InstructionClass, Line } from 'dockerfile-ast';
import { Util } from 'dockerfile-ast/lib/util';
import type { Dockerfile, From, Instruction, Run } from 'dockerfile-ast';
import type { TextIndex } from '../text';
import type { Position, Range } from '../types';
import { parseShell } from './shell';
import type { ShellScript } from './shell';
import { TextCache } from '../caches';
import { KeptOn } from '../memo';

export type { Dockerfile, From, Instruction };

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** `AS name`, lower-cased, when given. */
  name?: string;
  /** Image reference as written (variables unexpanded). */
  image: string;
  instructions: Instruction[];
  /** The stage this one is built on (`FROM <earlier stage name>`), when it is one. */
  parent?: Stage;
}

/** The shell script of a shell-form instruction, with its offset in the Dockerfile. */
export interface EmbeddedShell {
  script: ShellScript;
  /** Offset of the script's first character in the Dockerfile text. */
  base: number;
}

/** A Dockerfile parsed once for all Dockerfile rules. */
export interface DockerfileModel {
  instructions: Instruction[];
  stages: Stage[];
  /** Shell script of a RUN (or shell-form CMD/ENTRYPOINT) instruction; undefined for exec form. */
  shellOf(instruction: Instruction): EmbeddedShell | undefined;
  /** Convert a range inside an embedded shell script to a Dockerfile range. */
  shellRange(shell: EmbeddedShell, start: number, end: number): Range;
  /** The escape character (`\\` unless a `# escape=` directive changes it). */
  escapeChar: string;
  /** The last stage: what `docker build` produces without `--target`. */
  finalStage?: Stage;
  /** The stage an instruction belongs to (undefined for instructions before the first FROM). */
  stageOf(instruction: Instruction): Stage | undefined;
  /** A stage followed by the stages it is built on, nearest first (`FROM build` chains). */
  stageChain(stage: Stage): readonly Stage[];
  /** Whether a stage's file system ends up in the final image (the final stage or one it is built on). */
  inFinalImage(stage: Stage): boolean;
  /**
   * The shell that runs shell-form instructions at this point: the JSON array of the last SHELL
   * instruction before it in its stage chain, or undefined for the default `/bin/sh -c`.
   */
  shellAt(instruction: Instruction): string[] | undefined;
  /**
   * Whether shell-form commands at this point run in a POSIX shell (sh, bash, ash, dash, zsh, ksh).
   * False after `SHELL ["powershell", …]`, in Windows images, or with the backtick escape.
   */
  isPosixShell(instruction: Instruction): boolean;
}

const POSIX_SHELLS = /(^|[\\/])(sh|bash|ash|dash|zsh|ksh|mksh|busybox)(\.exe)?$/i;
const WINDOWS_IMAGE = /(^|\/)(windows|nanoserver|servercore|windowsservercore)([/:-]|$)|[:-](nanoserver|windowsservercore|ltsc\d{4})/i;

/** Whether an image reference names a Windows base image (servercore, nanoserver, ltsc tags). */
export function isWindowsImage(image: string): boolean {
  return WINDOWS_IMAGE.test(image);
}

/**
 * dockerfile-ast recomputes arguments, ranges and keywords from the text on every call, and the
 * rules ask for them again and again (most of a Dockerfile's analysis time in a profile). The
 * parsed instructions never change, so each answer is kept after its first computation.
 */
const MEMOIZED = ['getRange', 'getArguments', 'getArgumentsRange', 'getArgumentsContent', 'getRawArgumentsContent', 'getInstructionRange', 'getFlags', 'getProperties', 'getImage', 'getImageRange', 'getBuildStage'] as const;

/** The answers kept for one instruction, by method and class; set once the parser has made it. */
const ANSWERS = Symbol('aurora.answers');
type Memoised = Record<string | symbol, unknown> & { [ANSWERS]?: Map<symbol, unknown> };
/** The classes whose methods are already wrapped. */
const wrapped = new WeakSet<object>();

/**
 * Keep the answers of `instruction`'s getters from now on. Each class's own getters are wrapped
 * once on its prototype (one wrapper per class and method, so a subclass's answer and the
 * superclass's it builds on are kept apart); an instance keeps nothing until this marks it, as
 * dockerfile-ast calls some of them while it is still making the instance. (Twelve closures per
 * instruction, as before, were a tenth of the parse of 2,000 Dockerfiles.)
 */
function memoizeGetters(instruction: Instruction): void {
  for (let proto: object | null = Object.getPrototypeOf(instruction) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (wrapped.has(proto)) {
      continue;
    }
    wrapped.add(proto);
    for (const name of MEMOIZED) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      const original: unknown = descriptor?.value;
      if (typeof original !== 'function' || original.length !== 0) {
        continue;
      }
      const key = Symbol(name);
      Object.defineProperty(proto, name, {
        ...descriptor,
        value: function (this: Memoised): unknown {
          const answers = this[ANSWERS];
          if (!answers) {
            return (original as () => unknown).call(this);
          }
          const kept = answers.get(key);
          if (kept !== undefined || answers.has(key)) {
            return kept;
          }
          const value = (original as () => unknown).call(this);
          answers.set(key, value);
          return value;
        },
      });
    }
  }
  (instruction as unknown as Memoised)[ANSWERS] = new Map();
  (instruction as unknown as Keyworded).auroraKeyword = instruction.getInstruction().toUpperCase();
}

/**
 * The keyword is what the rules ask most (about 37 times per instruction): it is kept in a field
 * of the instance, read without the memo's look-ups.
 */
interface Keyworded {
  auroraKeyword?: string;
  getInstruction(): string;
}
(InstructionClass.prototype as unknown as { getKeyword(this: Keyworded): string }).getKeyword = function (this: Keyworded): string {
  return this.auroraKeyword ?? this.getInstruction().toUpperCase();
};

/*
 * The getters above are memoised once the parser has made an instruction; while it makes one,
 * dockerfile-ast itself splits the arguments four to five times (JSONInstruction's constructor asks
 * for the raw arguments, the arguments and the flags, and each of those splits the text again),
 * each time slicing the instruction's text out of the document: a third of the parse of a
 * Dockerfile with long RUN chains. An instruction's text never changes, so the split and the text
 * are kept on the instance from their first computation. The split is handed out as a copy, as
 * dockerfile-ast shifts the flags off the array it gets.
 */
const RAW_ARGUMENTS = Symbol('aurora.rawArguments');
const TEXT_CONTENT = Symbol('aurora.textContent');
/** Where the patched positionAt keeps the line of its last answer on a document. */
const LAST_LINE = Symbol('aurora.lastLine');
/**
 * The text document dockerfile-ast parses (vscode-languageserver-textdocument's), as the patch
 * below reads it: its content, its line starts, and the last line a position was found on.
 */
interface LineDocument {
  _content: string;
  getLineOffsets(): number[];
  ensureBeforeEOL(offset: number, lineOffset: number): number;
  positionAt(offset: number): Position;
  [LAST_LINE]?: number;
}
/**
 * dockerfile-ast asks its document for positions about a thousand times per Dockerfile (every
 * instruction, flag, property name and argument range), each a binary search over the line starts,
 * mostly at or after the line asked last. The position is first looked for on that line; the
 * answer is the library's own in every case (the line whose start is the last at or before the
 * offset, the character clamped before the line break as the library does).
 */
const documentProto = Object.getPrototypeOf((DockerfileParser.parse('') as unknown as { document: object }).document) as LineDocument;
/** The library's own positionAt (the tests hold the patched one to it). */
export const libraryPositionAt = documentProto.positionAt;
documentProto.positionAt = function (this: LineDocument, at: number): Position {
  const offset = Math.max(Math.min(at, this._content.length), 0);
  const lineOffsets = this.getLineOffsets();
  const count = lineOffsets.length;
  if (count === 0) {
    return { line: 0, character: offset };
  }
  let line = this[LAST_LINE] ?? 0;
  if (!(line < count && lineOffsets[line] <= offset && (line + 1 === count || lineOffsets[line + 1] > offset))) {
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lineOffsets[mid] > offset) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    line = low - 1;
    this[LAST_LINE] = line;
  }
  const lineStart = lineOffsets[line];
  return { line, character: this.ensureBeforeEOL(offset, lineStart) - lineStart };
};

/** `getRawArguments` is private in dockerfile-ast's typings; it is what every split goes through. */
interface RawSplit {
  getRawArguments(): unknown[];
  [RAW_ARGUMENTS]?: unknown[];
}
const instructionProto = InstructionClass.prototype as unknown as RawSplit;
/** dockerfile-ast's own split (the tests hold splitArguments to it). */
export const dockerfileAstSplit = instructionProto.getRawArguments as (this: InstructionClass) => Argument[];
instructionProto.getRawArguments = function (this: RawSplit): unknown[] {
  return (this[RAW_ARGUMENTS] ??= splitArguments(this as unknown as SplitSource)).slice();
};

/** What the split reads of an instruction (protected in dockerfile-ast's typings). */
interface SplitSource {
  readonly document: { offsetAt(p: Position): number; positionAt(offset: number): Position };
  readonly escapeChar: string;
  getInstructionRange(): Range;
  getTextContent(): string;
}

/** An argument whose range is worked out from its offsets when first asked for. */
interface LazyArgument {
  value: string;
  document: SplitSource['document'];
  from: number;
  to: number;
  kept: Range | undefined;
}
/**
 * dockerfile-ast's `Argument`, with `range` a getter: most arguments of a long RUN chain are never
 * asked where they are (the shell parse of the RUN has its own positions), and the two positions
 * each (a binary search over the document's lines and two objects) were a seventh of what a
 * `check` of 2,000 Dockerfiles allocated. It is still an `Argument` (`instanceof`, its methods).
 */
const LAZY_ARGUMENT = Object.create(Argument.prototype, {
  range: {
    get(this: LazyArgument): Range {
      return (this.kept ??= { start: this.document.positionAt(this.from), end: this.document.positionAt(this.to) });
    },
  },
}) as object;
function lazyArgument(value: string, document: SplitSource['document'], from: number, to: number): Argument {
  const argument = Object.create(LAZY_ARGUMENT) as LazyArgument;
  argument.value = value;
  argument.document = document;
  argument.from = from;
  argument.to = to;
  argument.kept = undefined;
  return argument as unknown as Argument;
}

/**
 * dockerfile-ast's `Instruction.getRawArguments`, step for step the same state machine and the
 * same arguments, values and ranges (test/unit/dockerfile-split.test.ts holds it to the original),
 * made cheaper where it spent the parse's time and memory: an argument's value is cut out of the
 * text in runs instead of grown a character at a time, and its range is built directly instead of
 * through `Range.create`, which checks each of its positions with four `Object.prototype.toString`
 * calls. (About a sixth of what a `check` of 2,000 Dockerfiles allocated was this split.)
 */
function splitArguments(instruction: SplitSource): Argument[] {
  const args: Argument[] = [];
  const document = instruction.document;
  const escapeChar = instruction.escapeChar;
  const range = instruction.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const fullArgs = instruction.getTextContent().substring(extra);
  const offset = document.offsetAt(range.start) + extra;
  const length = fullArgs.length;
  let start = false;
  let comment = false;
  let found = -1;
  // a space or tab that belongs to an escaped line break
  let escapedWhitespaceDetected = false;
  // inside an escaped line break
  let escaping = false;
  let escapeMarker = -1;
  // the argument's value: `value` plus the pending run of text [runStart, runEnd)
  let value = '';
  let runStart = 0;
  let runEnd = 0;
  const append = (from: number, to: number): void => {
    if (from !== runEnd) {
      if (runEnd > runStart) {
        value += fullArgs.slice(runStart, runEnd);
      }
      runStart = from;
    }
    runEnd = to;
  };
  const push = (end: number): void => {
    if (runEnd > runStart) {
      value += fullArgs.slice(runStart, runEnd);
    }
    args.push(lazyArgument(value, document, offset + found, offset + end));
    value = '';
    runStart = runEnd = 0;
  };
  for (let i = 0; i < length; i++) {
    const char = fullArgs[i];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === '\r' || char === '\n') {
          // a line break: the blanks before it do not count
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = i + 1 < length ? fullArgs[i + 1] : '';
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < length; j++) {
          const after = fullArgs[j];
          if (after === ' ' || after === '\t') {
            continue;
          }
          if (after === '\r' || after === '\n') {
            // as dockerfile-ast: a CR skips the character after it, whatever it is
            if (after === '\r') {
              j++;
            }
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) {
              escapeMarker = i;
            }
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) {
              i = j - 1;
            }
          }
          break;
        }
      } else if (next === '\r' || next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        // as dockerfile-ast: past the escape and, after a CR, the character after it too
        i += next === '\r' ? 2 : 1;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(escapeMarker);
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') {
          append(i, i + 2);
        } else if (next === '') {
          // the end of the text
          break;
        } else {
          append(i + 1, i + 2);
        }
        if (found === -1) {
          found = i;
        }
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(escapeMarker);
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        append(i, i + 1);
        if (found === -1) {
          found = i;
        }
      }
      // a character that is not a blank
      start = false;
    }
  }
  if (found !== -1) {
    push(escapeMarker === -1 ? length : escapeMarker);
  }
  return args;
}
const textContentOnce = Line.prototype.getTextContent;
Line.prototype.getTextContent = function (this: Line & { [TEXT_CONTENT]?: string }): string {
  return (this[TEXT_CONTENT] ??= textContentOnce.call(this));
};

/*
 * dockerfile-ast asks whether a file starts with a byte order mark by encoding its first character
 * to a Buffer and copying that into a Uint8Array, twice per parse: measurable over thousands of
 * files. The UTF-8 bytes EF BB BF are U+FEFF and nothing else, so the same answer is a comparison.
 */
Util.isUTF8BOM = (char: string): boolean => char === '\uFEFF';

/** Options of `parseDockerfile`. */
export interface DockerfileParseOptions {
  /**
   * On-type analysis: parse the file in chunks of whole instructions and keep the chunks, so the
   * next keystroke re-parses only the chunk it touched (see `chunkStarts`).
   */
  reuse?: boolean;
}

/** The embedded script of each instruction, kept while the instruction is (see shellOf). */
const keptShells = new KeptOn<Instruction, { posix: boolean; anchor?: Position; last: EmbeddedShell | undefined }>();

/** Parse a Dockerfile. dockerfile-ast is tolerant, so this never fails on bad input. */
export function parseDockerfile(text: string, index: TextIndex, options: DockerfileParseOptions = {}): DockerfileModel {
  let instructions: Instruction[] | undefined = options.reuse ? chunkedInstructions(text) : undefined;
  let escapeChar = '\\';
  if (!instructions) {
    const dockerfile = DockerfileParser.parse(text);
    instructions = dockerfile.getInstructions();
    escapeChar = dockerfile.getEscapeCharacter();
    for (const instruction of instructions) {
      memoizeGetters(instruction);
    }
  }
  const stages: Stage[] = [];
  const stageByInstruction = new Map<Instruction, Stage>();
  const stageByName = new Map<string, Stage>();
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      const image = from.getImage() ?? '';
      const stage: Stage = {
        index: stages.length,
        from,
        name: from.getBuildStage()?.toLowerCase() ?? undefined,
        image,
        instructions: [instruction],
        parent: stageByName.get(image.toLowerCase()),
      };
      stages.push(stage);
      stageByInstruction.set(instruction, stage);
      if (stage.name && !stageByName.has(stage.name)) {
        stageByName.set(stage.name, stage);
      }
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
      stageByInstruction.set(instruction, stages[stages.length - 1]);
    }
  }
  const finalStage = stages.length > 0 ? stages[stages.length - 1] : undefined;
  const chains = new Map<Stage, Stage[]>();
  const stageChain = (stage: Stage): readonly Stage[] => {
    let chain = chains.get(stage);
    if (!chain) {
      chain = [];
      // a stage can only be built on an earlier one, so the walk ends; the guard is for safety
      for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) {
        chain.push(s);
      }
      chains.set(stage, chain);
    }
    return chain;
  };
  // the SHELL instructions of each stage, found once (every RUN asks which shell it runs in)
  const shellsOfStage = new Map<Stage, Instruction[]>();
  const shellInstructions = (stage: Stage): Instruction[] => {
    let list = shellsOfStage.get(stage);
    if (!list) {
      list = stage.instructions.filter((i) => i.getKeyword() === 'SHELL');
      shellsOfStage.set(stage, list);
    }
    return list;
  };
  const finalChain = finalStage ? stageChain(finalStage) : [];
  const shellAt = (instruction: Instruction): string[] | undefined => {
    const stage = stageByInstruction.get(instruction);
    if (!stage) {
      return undefined;
    }
    const line = instruction.getRange().start.line;
    for (const s of stageChain(stage)) {
      const shells = shellInstructions(s);
      for (let i = shells.length - 1; i >= 0; i--) {
        const candidate = shells[i];
        if (s !== stage || candidate.getRange().start.line < line) {
          return execFormArgs(candidate) ?? [];
        }
      }
    }
    return undefined;
  };
  const isPosixShell = (instruction: Instruction): boolean => {
    if (escapeChar === '`') {
      return false;
    }
    const shell = shellAt(instruction);
    if (shell) {
      return shell.length > 0 && POSIX_SHELLS.test(shell[0]);
    }
    const stage = stageByInstruction.get(instruction);
    const chain = stage ? stageChain(stage) : [];
    const root = chain[chain.length - 1];
    return !root || !isWindowsImage(root.image);
  };
  const cache = new Map<Instruction, EmbeddedShell | undefined>();
  /** `RUN <<EOF` whose body is the script: parse the body (a shebang for another language opts out). */
  const heredocScript = (run: Run, trimmed: string): EmbeddedShell | undefined => {
    if (!/^<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1[ \t]*(\r?\n|$)/.test(trimmed)) {
      return undefined;
    }
    const content = run.getHeredocs()[0]?.getContentRange();
    if (!content) {
      return undefined;
    }
    const base = index.offsetAt(content.start);
    const body = text.slice(base, index.offsetAt(content.end));
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body);
    if (shebang) {
      const interpreter = /(^|\/)env$/.test(shebang[1]) ? (shebang[2] ?? '') : shebang[1];
      if (!POSIX_SHELLS.test(interpreter)) {
        return undefined;
      }
    }
    return { script: parseShell(body), base };
  };
  const model: DockerfileModel = {
    instructions,
    stages,
    escapeChar,
    finalStage,
    stageOf: (instruction) => stageByInstruction.get(instruction),
    stageChain,
    inFinalImage: (stage) => finalChain.includes(stage),
    shellAt,
    isPosixShell,
    shellOf(instruction) {
      if (cache.has(instruction)) {
        return cache.get(instruction);
      }
      const args = instruction.getArgumentsRange();
      const posix = args !== undefined && isPosixShell(instruction);
      // an instruction kept from the last keystroke has the same text at the same lines: only its
      // offset in the text may have moved
      const kept = keptShells.get(instruction);
      if (kept && kept.posix === posix) {
        let result = kept.last;
        if (result && kept.anchor) {
          const base = index.offsetAt(kept.anchor);
          if (base !== result.base) {
            result = { script: result.script, base };
            kept.last = result;
          }
        }
        cache.set(instruction, result);
        return result;
      }
      let result: EmbeddedShell | undefined;
      let anchor: Position | undefined;
      if (args && posix) {
        anchor = args.start;
        const base = index.offsetAt(args.start);
        const end = index.offsetAt(instruction.getRange().end);
        let body = text.slice(base, end);
        // RUN flags such as --mount=… are Docker's, not the shell's: blank them out in place so
        // offsets stay aligned.
        body = body.replace(/^(\s*--[a-z-]+=\S+\s*)+/, (m) => ' '.repeat(m.length));
        const trimmed = body.trimStart();
        const isExecForm = trimmed.startsWith('[') && trimmed.trimEnd().endsWith(']');
        if (!isExecForm && !trimmed.startsWith('<<')) {
          result = { script: parseShell(stripDockerComments(body)), base };
        } else if (trimmed.startsWith('<<') && instruction.getKeyword() === 'RUN') {
          result = heredocScript(instruction as Run, trimmed);
          anchor = (instruction as Run).getHeredocs()[0]?.getContentRange()?.start;
        }
      }
      cache.set(instruction, result);
      keptShells.set(instruction, { posix, anchor, last: result });
      return result;
    },
    shellRange(shell, start, end) {
      return index.range(shell.base + start, shell.base + end);
    },
  };
  return model;
}

/*
 * On-type parsing in chunks. dockerfile-ast has no incremental mode, and a 1,000-line Dockerfile
 * takes tens of milliseconds to parse whole. Instructions do not depend on each other's syntax
 * (only the escape directive at the top does, and files with one are parsed whole), so the text is
 * cut at lines where an instruction surely starts, and each chunk is parsed on its own, preceded
 * by as many empty lines as come before it: every line and character position is then exactly the
 * one of the whole file, and the chunk's instructions can be kept for the next keystroke. A chunk
 * is found again when its text and its first line are unchanged; a line inserted above it makes
 * it parse again.
 */

const INSTRUCTION_LINE = /^[ \t]*(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)([ \t]|$)/i;
const HEREDOC_OPENER = /^<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2(?=[ \t]|$)/;
/** A chunk grows to at least this many lines before it may end. */
const CHUNK_LINES = 16;

/** Parsed chunks by `<first line>:<text>`; a chunk also costs the empty lines parsed before it. */
const instructionChunks = new TextCache<Instruction[]>(1_000_000, (key) => key.length + Number(key.slice(0, key.indexOf(':'))));

/**
 * The first line of every chunk: lines that start an instruction keyword while no instruction is
 * continued (escape character at the end of the last line that is neither blank nor a comment) and
 * no heredoc is open. When in doubt a line is not a start: a chunk that is too large is only
 * slower; after a `<<` that is not a plainly named heredoc on an uncontinued line, nothing more is
 * cut. Undefined when the file must be parsed whole (an escape directive, lone CR line breaks).
 */
export function chunkStarts(lines: readonly string[]): number[] | undefined {
  const starts = [0];
  let continued = false;
  const heredocs: { word: string; tabs: boolean }[] = [];
  let sinceStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.includes('\r')) {
      return undefined;
    }
    sinceStart++;
    if (heredocs.length > 0) {
      // exact terminators only: dockerfile-ast may end a heredoc earlier, never later
      const body = heredocs[0].tabs ? line.replace(/^\t+/, '') : line;
      if (body === heredocs[0].word) {
        heredocs.shift();
      }
      continue;
    }
    const trimmed = line.trim();
    if (/^#\s*escape\s*=/i.test(trimmed)) {
      return undefined;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      continue;
    }
    if (!continued && i > 0 && sinceStart > CHUNK_LINES && INSTRUCTION_LINE.test(line)) {
      starts.push(i);
      sinceStart = 1;
    }
    continued = /\\[ \t]*$/.test(line);
    for (let at = line.indexOf('<<'); at >= 0; at = line.indexOf('<<', at + 2)) {
      if (line[at + 2] === '<') {
        at++; // a here-string (<<<), not a heredoc
        continue;
      }
      // dockerfile-ast names a heredoc by the whole word after <<: cut on only when that word is
      // a plain name (what both read alike) and the opening line is not continued
      const m = HEREDOC_OPENER.exec(line.slice(at));
      if (!m || continued) {
        return starts;
      }
      heredocs.push({ word: m[3], tabs: m[1] === '-' });
    }
  }
  return starts;
}

/** The instructions of a Dockerfile parsed chunk by chunk, reusing unchanged chunks. */
function chunkedInstructions(text: string): Instruction[] | undefined {
  const lines = text.split('\n');
  const starts = chunkStarts(lines);
  if (!starts || starts.length < 2) {
    return undefined;
  }
  const out: Instruction[] = [];
  for (let c = 0; c < starts.length; c++) {
    const first = starts[c];
    const end = c + 1 < starts.length ? starts[c + 1] : lines.length;
    const chunkText = lines.slice(first, end).join('\n') + (end < lines.length ? '\n' : '');
    const key = `${first}:${chunkText}`;
    let chunk = instructionChunks.get(key);
    if (!chunk) {
      chunk = DockerfileParser.parse('\n'.repeat(first) + chunkText).getInstructions();
      for (const instruction of chunk) {
        memoizeGetters(instruction);
      }
      instructionChunks.set(key, chunk);
    }
    out.push(...chunk);
  }
  return out;
}

/** The strings of an exec-form (JSON array) instruction, or undefined when it is not one. */
export function execFormArgs(instruction: Instruction): string[] | undefined {
  const raw = instruction.getRawArgumentsContent();
  if (!raw) {
    return undefined;
  }
  // JSON arrays may be split over continuation lines; drop the escaped line breaks first
  const joined = raw.replace(/\\\r?\n/g, '').trim();
  if (!joined.startsWith('[')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(joined);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Docker drops comment lines inside continued instructions; blank them keeping offsets. */
function stripDockerComments(body: string): string {
  return body.replace(/(^|\n)([ \t]*#[^\n]*)/g, (_m, nl: string, comment: string) => nl + ' '.repeat(comment.length));
}
