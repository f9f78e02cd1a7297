/**
 * A small tokenizer for GitHub Actions expressions (the text inside `${{ }}` or an `if:`), enough
 * to find context references and syntax problems without evaluating anything.
 */

import { onClearCaches } from '../../caches';

/** One token of an expression. */
export interface Token {
  type: 'ident' | 'number' | 'string' | 'op' | '(' | ')' | '[' | ']' | '.' | ',' | '*' | 'bad';
  value: string;
  /** Offsets in the expression text. */
  start: number;
  end: number;
}

/** A syntax problem found while tokenizing. */
export interface ExpressionProblem {
  message: string;
  start: number;
  end: number;
}

const tokenCache = new Map<string, { tokens: Token[]; problems: ExpressionProblem[] }>();
onClearCaches(() => tokenCache.clear());

/**
 * Tokenize an expression; problems (unterminated strings, stray characters) are returned too.
 * Results are cached (several rules tokenize the same expressions on every keystroke); callers
 * must not mutate them.
 */
export function tokenize(text: string): { tokens: Token[]; problems: ExpressionProblem[] } {
  let cached = tokenCache.get(text);
  if (!cached) {
    if (tokenCache.size > 4096) {
      tokenCache.clear();
    }
    cached = tokenizeUncached(text);
    tokenCache.set(text, cached);
  }
  return cached;
}

function tokenizeUncached(text: string): { tokens: Token[]; problems: ExpressionProblem[] } {
  const tokens: Token[] = [];
  const problems: ExpressionProblem[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      i++;
      let closed = false;
      while (i < text.length) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) {
        problems.push({ message: 'unterminated string literal (strings use single quotes; double a quote to escape it)', start, end: text.length });
      }
      tokens.push({ type: 'string', value: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"') {
      problems.push({ message: 'strings in expressions use single quotes, not double quotes', start, end: start + 1 });
      const close = text.indexOf('"', i + 1);
      i = close < 0 ? text.length : close + 1;
      tokens.push({ type: 'string', value: text.slice(start, i), start, end: i });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_-]/.test(text[i])) {
        i++;
      }
      tokens.push({ type: 'ident', value: text.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? '') && !isOperand(tokens[tokens.length - 1]))) {
      i++;
      while (i < text.length && /[0-9A-Fa-fxXoO.eE+-]/.test(text[i]) && !(text[i] === '-' && !/[eE]/.test(text[i - 1])) && !(text[i] === '+' && !/[eE]/.test(text[i - 1]))) {
        i++;
      }
      tokens.push({ type: 'number', value: text.slice(start, i), start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||') {
      tokens.push({ type: 'op', value: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (c === '<' || c === '>' || c === '!') {
      tokens.push({ type: 'op', value: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === '.' || c === ',' || c === '*') {
      tokens.push({ type: c, value: c, start, end: i + 1 });
      i++;
      continue;
    }
    problems.push({ message: c === '=' ? "use '==' to compare values" : `unexpected character '${c}'`, start, end: start + 1 });
    tokens.push({ type: 'bad', value: c, start, end: i + 1 });
    i++;
  }
  return { tokens, problems };
}

function isOperand(t: Token | undefined): boolean {
  return t !== undefined && (t.type === 'ident' || t.type === 'number' || t.type === 'string' || t.type === ')' || t.type === ']');
}

/** Check brackets balance and a few structural mistakes. */
export function syntaxProblems(text: string): ExpressionProblem[] {
  const { tokens, problems: lexical } = tokenize(text);
  const problems = [...lexical];
  const stack: Token[] = [];
  for (const t of tokens) {
    if (t.type === '(' || t.type === '[') {
      stack.push(t);
    } else if (t.type === ')' || t.type === ']') {
      const open = stack.pop();
      const want = t.type === ')' ? '(' : '[';
      if (!open || open.type !== want) {
        problems.push({ message: `unbalanced '${t.value}'`, start: t.start, end: t.end });
        if (open) {
          stack.push(open);
        }
      }
    }
  }
  for (const open of stack) {
    problems.push({ message: `'${open.value}' is never closed`, start: open.start, end: open.end });
  }
  if (tokens.length === 0) {
    problems.push({ message: 'empty expression', start: 0, end: text.length });
  } else {
    const last = tokens[tokens.length - 1];
    if (last.type === 'op' || last.type === '.') {
      problems.push({ message: `expression ends with '${last.value}'`, start: last.start, end: last.end });
    }
  }
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1];
    const b = tokens[k];
    if (a.type === 'op' && b.type === 'op' && b.value !== '!') {
      problems.push({ message: `'${a.value}' followed by '${b.value}'`, start: a.start, end: b.end });
    }
  }
  return problems.sort((x, y) => x.start - y.start);
}

/** A context property access such as `github.event.issue.title` (indexes normalised to `*`). */
export interface ContextPath {
  root: string;
  /** Dotted path, lower-cased, with `[0]` and `.*` written as `*` and `['x']` as `x`. */
  path: string;
  start: number;
  end: number;
}

/** Literal words that are not contexts. */
const LITERALS = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);

const pathsCache = new Map<string, ContextPath[]>();
onClearCaches(() => pathsCache.clear());

/**
 * Every context reference in an expression (function names and literals excluded). Cached like
 * tokenize(): six rules ask for the references of the same expressions; callers must not mutate them.
 */
export function contextPaths(text: string): ContextPath[] {
  let cached = pathsCache.get(text);
  if (!cached) {
    if (pathsCache.size > 4096) {
      pathsCache.clear();
    }
    cached = contextPathsUncached(text);
    pathsCache.set(text, cached);
  }
  return cached;
}

function contextPathsUncached(text: string): ContextPath[] {
  const { tokens } = tokenize(text);
  const out: ContextPath[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type !== 'ident' || LITERALS.has(t.value)) {
      continue;
    }
    const prev = tokens[k - 1];
    if (prev && (prev.type === '.' || prev.type === '*')) {
      continue;
    }
    if (tokens[k + 1]?.type === '(') {
      continue;
    }
    const parts = [t.value.toLowerCase()];
    let end = t.end;
    let j = k + 1;
    while (j < tokens.length) {
      const a = tokens[j];
      const b = tokens[j + 1];
      if (a.type === '.' && b && (b.type === 'ident' || b.type === '*')) {
        parts.push(b.type === '*' ? '*' : b.value.toLowerCase());
        end = b.end;
        j += 2;
      } else if (a.type === '[' && b && tokens[j + 2]?.type === ']' && (b.type === 'string' || b.type === 'number' || b.type === '*')) {
        parts.push(b.type === 'string' ? b.value.slice(1, -1).replace(/''/g, "'").toLowerCase() : '*');
        end = tokens[j + 2].end;
        j += 3;
      } else if (a.type === '[') {
        parts.push('*');
        break;
      } else {
        break;
      }
    }
    out.push({ root: t.value, path: parts.join('.'), start: t.start, end });
    k = j - 1;
  }
  return out;
}

/** Whether `path` matches a pattern where `*` matches one segment. */
export function pathMatches(path: string, pattern: string): boolean {
  const p = path.split('.');
  const q = pattern.split('.');
  if (p.length !== q.length) {
    return false;
  }
  return q.every((seg, i) => seg === '*' || p[i] === '*' || seg === p[i]);
}
