/**
 * Characters that make a command look other than it is: control characters, bidirectional
 * overrides and isolates (a reversed argument shows as `kube-systems`), zero-width and other
 * invisible characters. Cards show them escaped (`\u{202E}`) and say so; tabs and line breaks stay.
 */

/** Inclusive code point ranges shown escaped. */
const HIDDEN_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x08], // C0 controls before tab
  [0x0b, 0x1f], // C0 controls after line feed (carriage return included: it hides what precedes it)
  [0x7f, 0x9f], // delete and C1 controls
  [0xad, 0xad], // soft hyphen
  [0x34f, 0x34f], // combining grapheme joiner
  [0x61c, 0x61c], // Arabic letter mark
  [0x115f, 0x1160], // Hangul fillers
  [0x17b4, 0x17b5], // Khmer invisible vowels
  [0x180b, 0x180e], // Mongolian variation selectors and vowel separator
  [0x200b, 0x200f], // zero-width space, joiners, LRM, RLM
  [0x2028, 0x202e], // line and paragraph separators, bidi embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, bidi isolates
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // byte-order mark
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0xfff0, 0xfffb], // specials and interlinear annotation
  [0xe0000, 0xe007f], // tag characters
  [0xe0100, 0xe01ef], // variation selectors supplement
];

function isHidden(cp: number): boolean {
  return HIDDEN_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** The text with hidden characters escaped, and the code points found (e.g. `U+202E`). */
export interface Escaped {
  text: string;
  found: string[];
}

/** Escape the hidden characters of a text that a user must read exactly (a command, a path). */
export function escapeHidden(text: string): Escaped {
  const found = new Set<string>();
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isHidden(cp)) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      found.add(`U+${hex}`);
      out += `\\u{${hex}}`;
    } else {
      out += ch;
    }
  }
  return { text: out, found: [...found] };
}
