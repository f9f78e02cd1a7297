import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { execFormArgs } from '../../parsers/dockerfile';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'HEALTHCHECK']);

/** The message for an array that is not valid JSON. */
export function message(keyword: string, singleQuotes: boolean): string {
  const why = singleQuotes ? 'JSON strings need double quotes' : 'every element must be a "double-quoted" string';
  if (keyword === 'SHELL') {
    return `SHELL takes a JSON array and this is not valid JSON (${why}): the build fails`;
  }
  if (keyword === 'VOLUME') {
    return `This VOLUME is not valid JSON (${why}): Docker reads it as a list of paths with the brackets and commas in their names`;
  }
  return `This ${keyword} looks like exec form but is not valid JSON (${why}): Docker runs the whole text with /bin/sh -c, where '[' is the test command, and it fails`;
}

/** Text outside double-quoted strings. */
function unquoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** Exec-form arrays must be valid JSON, otherwise Docker silently takes the shell form. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/exec-form-not-json',
  meta: {
    title: 'Exec-form array that is not valid JSON',
    description: 'CMD [python, app.py] or CMD [\'python\', \'app.py\'] is not JSON, so Docker does not run python: it runs /bin/sh -c "[python, app.py]", which fails when the container starts (or, for RUN, when the image builds).',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      const keyword = instruction.getKeyword();
      const range = instruction.getArgumentsRange();
      if (!KEYWORDS.has(keyword) || !range) {
        continue;
      }
      const raw = ctx.text.slice(ctx.index.offsetAt(range.start), ctx.index.offsetAt(instruction.getRange().end));
      // the text below must end with ']': a long RUN chain that does not is left before its
      // continuations are removed (no step below removes the last character that is neither
      // white space nor a backslash)
      if (!endsWithBracket(raw)) {
        continue;
      }
      let text = raw.replace(/\\\r?\n/g, '');
      if (keyword === 'RUN') {
        text = text.replace(/^(\s*--[a-z-]+(=\S+)?\s+)+/, '');
      } else if (keyword === 'HEALTHCHECK') {
        const m = /^(?:\s*--[a-z-]+(?:=\S+)?\s+)*CMD\s+/i.exec(text);
        if (!m) {
          continue;
        }
        text = text.slice(m[0].length);
      }
      text = text.trim();
      // `RUN [ -f x ] && …` is the test command: only a bracketed list with commas between
      // its elements (outside quotes) is meant as exec form
      if (!text.startsWith('[') || !text.endsWith(']') || !unquoted(text).includes(',')) {
        continue;
      }
      if (keyword !== 'HEALTHCHECK' && keyword !== 'RUN' && execFormArgs(instruction) !== undefined) {
        continue;
      }
      if (isJsonStrings(text)) {
        continue;
      }
      ctx.report({ range, message: message(keyword, /'[^']*'\s*[,\]]/.test(text)) });
    }
  },
};

/** Whether the last character of `raw` that is neither white space nor a backslash is ']'. */
function endsWithBracket(raw: string): boolean {
  for (let i = raw.length - 1; i >= 0; i--) {
    const c = raw[i];
    if (c !== '\\' && !/\s/.test(c)) {
      return c === ']';
    }
  }
  return false;
}

function isJsonStrings(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string');
  } catch {
    return false;
  }
}
