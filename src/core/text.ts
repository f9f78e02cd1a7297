import type { Position, Range } from './types';

/**
 * Maps between string offsets and 0-based line/character positions. Built once per analysed
 * text so every rule converts positions in O(log n).
 */
export class TextIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        starts.push(i + 1);
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** Number of lines (a trailing newline opens an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of a string offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** The string offset of a position (clamped to its line). */
  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) {
      return this.text.length;
    }
    const start = this.lineStarts[Math.max(0, position.line)];
    const end = this.lineEndOffset(Math.max(0, position.line));
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Range covering the offsets [start, end). */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the first character of a line. */
  lineStartOffset(line: number): number {
    return this.lineStarts[Math.min(Math.max(0, line), this.lineStarts.length - 1)];
  }

  /** Offset just past the last character of a line, before its line break. */
  lineEndOffset(line: number): number {
    const l = Math.min(Math.max(0, line), this.lineStarts.length - 1);
    let end = l + 1 < this.lineStarts.length ? this.lineStarts[l + 1] : this.text.length;
    while (end > this.lineStarts[l] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) {
      end--;
    }
    return end;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }

  /** Range of a whole line without its line break. */
  lineRange(line: number): Range {
    return this.range(this.lineStartOffset(line), this.lineEndOffset(line));
  }

  /** The line break the text uses ("\r\n" when its first break is CRLF). */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  }
}

/** Range of a single point. */
export function pointRange(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Compare positions: negative when a is before b. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
