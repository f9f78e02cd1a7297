// One keystroke after another in a large file, as bench section 4 and bench/profile-ontype.ts
// replay them: the same spots, the same warm-up, the same undo after each measured keystroke.
import { analyzeFiles } from '../src/core';
import type { Finding } from '../src/core';

export interface Typing {
  /** Analyse a text of the file on the editor's on-type path. */
  analyse(text: string): Map<string, Finding[]>;
  /** The text after keystroke `k`: one letter typed inside a value, spread over the file. */
  edited(k: number): string;
  /** Untimed keystrokes elsewhere in the file (each undone) until the JIT has compiled the paths. */
  warmUp(keystrokes: number): void;
}

export function typingIn(path: string, text: string): Typing {
  // keystrokes inside values, spread over the file, as a user edits one place at a time
  const spots = [...text.matchAll(/(: |= "|^RUN )(?=[A-Za-z0-9])/gm)].map((m) => (m.index ?? 0) + m[0].length);
  const analyse = (t: string): Map<string, Finding[]> => analyzeFiles([{ path, text: t }], {}, () => ({}), { onType: true });
  return {
    analyse,
    edited(k) {
      const at = spots[(k * 7919) % spots.length];
      return text.slice(0, at) + String.fromCharCode(97 + (k % 26)) + text.slice(at);
    },
    warmUp(keystrokes) {
      analyse(text);
      for (let k = 0; k < keystrokes; k++) {
        const at = spots[(k * 104729) % spots.length];
        analyse(text.slice(0, at) + 'w' + text.slice(at));
        analyse(text);
      }
    },
  };
}
