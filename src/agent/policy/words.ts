import type { ShellWord } from '../../core/parsers/shell';

/**
 * Words of a command as the policy's handlers see them, and the option parser they share.
 */

/** A word of a command: parsed, or made up while unwrapping (`xargs` input, `find {}`). */
export type Word = Pick<ShellWord, 'value' | 'dynamic' | 'raw'>;

/** Options and positional words of a command. */
export interface Parsed {
  opts: { name: string; value?: Word }[];
  positionals: Word[];
  /** Words after the first positional when parsing stopped there (wrappers). */
  rest: Word[];
}

/** A set of option names from a space-separated list (`'-o --output -H'`). */
export function optionSet(list: string): Set<string> {
  return new Set(list.split(' ').filter((s) => s !== ''));
}

/**
 * Split options from positional words: `--long=value`, `--long value` (when listed), short
 * clusters `-abc` with a value taken by the first listed letter (`-ofile` or `-o file`).
 */
export function parseOptions(args: readonly Word[], withValue: Set<string>, stopAtPositional = false): Parsed {
  const out: Parsed = { opts: [], positionals: [], rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = a.value;
    if (v === '--' && !a.dynamic) {
      out.positionals.push(...args.slice(i + 1));
      if (stopAtPositional && out.positionals.length > 0) {
        out.rest = out.positionals.splice(1);
      }
      return out;
    }
    if (v.startsWith('--') && v.length > 2 && !a.dynamic) {
      const eq = v.indexOf('=');
      if (eq > 0) {
        out.opts.push({ name: v.slice(0, eq), value: { value: v.slice(eq + 1), raw: a.raw, dynamic: a.dynamic } });
      } else if (withValue.has(v) && i + 1 < args.length) {
        out.opts.push({ name: v, value: args[++i] });
      } else {
        out.opts.push({ name: v });
      }
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !a.dynamic && !/^-\d/.test(v)) {
      for (let j = 1; j < v.length; j++) {
        const flag = `-${v[j]}`;
        if (withValue.has(flag)) {
          const attached = v.slice(j + 1);
          if (attached !== '') {
            out.opts.push({ name: flag, value: { value: attached, raw: attached, dynamic: false } });
          } else if (i + 1 < args.length) {
            out.opts.push({ name: flag, value: args[++i] });
          } else {
            out.opts.push({ name: flag });
          }
          break;
        }
        out.opts.push({ name: flag });
      }
      continue;
    }
    out.positionals.push(a);
    if (stopAtPositional) {
      out.rest = args.slice(i + 1);
      return out;
    }
  }
  return out;
}

export function has(p: Parsed, ...names: string[]): boolean {
  return p.opts.some((o) => names.includes(o.name));
}

export function values(p: Parsed, ...names: string[]): Word[] {
  return p.opts.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as Word);
}

export function basename(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s.slice(s.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
}

export function lit(value: string): Word {
  return { value, raw: value, dynamic: false };
}

/** The parsed word behind a made-up one keeps its dynamic flag. */
export const UNKNOWN: Word = { value: '$INPUT', raw: '$INPUT', dynamic: true };
