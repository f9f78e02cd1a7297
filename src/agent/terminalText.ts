/** Characters of a command's output @terminal keeps (the end of it: where errors are). */
export const MAX_TERMINAL_CHARS = 20_000;

/** Colours, cursor moves and titles, which mean nothing to the model. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** Terminal output as plain text: escape sequences removed, only the end kept when it is long. */
export function plainOutput(raw: string): { text: string; cut: boolean } {
  // a carriage return redraws its line (progress bars): what was drawn last is what shows
  const text = raw
    .replace(ESCAPES, '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
  return text.length > MAX_TERMINAL_CHARS ? { text: text.slice(-MAX_TERMINAL_CHARS), cut: true } : { text, cut: false };
}
