import type { Range } from '../../../types';
import type { TfEntry, TfValue } from './values';

/** Marks a character of an interpolation inside JSON text (never valid in real JSON strings). */
export const HOLE = '\uFFFF';

/**
 * Parse JSON into located values. `locate(start, end)` maps offsets of `text` to ranges of the
 * analysed file. Strings containing HOLE (an interpolation) and HOLE-only tokens are `unknown`.
 * Returns undefined when the text is not JSON.
 */
export function parseLocatedJson(text: string, locate: (start: number, end: number) => Range): TfValue | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i])) {
      i++;
    }
  };
  const fail = (): never => {
    throw new Error('json');
  };
  const parseString = (): string => {
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const c = text[i + 1];
        if (c === 'u') {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c;
        i += 2;
        continue;
      }
      out += text[i++];
    }
    if (text[i] !== '"') {
      fail();
    }
    i++;
    return out;
  };
  const value = (): TfValue => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: TfEntry[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, range: locate(start, i) };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') {
          fail();
        }
        const ks = i;
        const key = parseString();
        const keyRange = locate(ks, i);
        ws();
        if (text[i] !== ':') {
          fail();
        }
        i++;
        entries.push({ key, keyRange, value: value() });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, range: locate(start, i) };
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const items: TfValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'list', items, range: locate(start, i) };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'list', items, range: locate(start, i) };
        }
        fail();
      }
    }
    if (c === '"') {
      const s = parseString();
      const range = locate(start, i);
      return s.includes(HOLE) ? { kind: 'unknown', range } : { kind: 'string', value: s, range };
    }
    if (c === HOLE) {
      while (text[i] === HOLE) {
        i++;
      }
      return { kind: 'unknown', range: locate(start, i) };
    }
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
    if (!m) {
      return fail();
    }
    i += m[0].length;
    const range = locate(start, i);
    if (m[0] === 'true' || m[0] === 'false') {
      return { kind: 'bool', value: m[0] === 'true', range };
    }
    if (m[0] === 'null') {
      return { kind: 'null', value: null, range };
    }
    return { kind: 'number', value: Number(m[0]), range };
  };
  try {
    const v = value();
    ws();
    return i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}
