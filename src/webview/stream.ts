/**
 * Streaming: how much of a growing answer is final. The markdown renderer ends every block at a
 * blank line outside a code fence (paragraphs, lists and headings do not continue across one), so
 * everything up to such a line renders the same whatever text follows: it is rendered once, and
 * only the rest (the tail) is rendered again as text arrives.
 */

/**
 * The offset up to which `text` is made of finished blocks, scanning from `from` (itself such an
 * offset, outside any fence): just after the last blank line outside a code fence, or `from`.
 */
export function finishedUpTo(text: string, from: number): number {
  let cut = from;
  let fence: string | undefined;
  let pos = from;
  for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
    const line = text.slice(pos, nl);
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) {
        fence = undefined;
      }
    } else {
      const open = /^\s*(```|~~~)/.exec(line);
      if (open) {
        fence = open[1];
      } else if (line.trim() === '') {
        cut = nl + 1;
      }
    }
    pos = nl + 1;
  }
  return cut;
}
