import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DockerfileParser } from 'dockerfile-ast';
import type { Instruction } from 'dockerfile-ast';
import { dockerfileAstSplit, libraryPositionAt } from '../../../../src/core/parsers/dockerfile';
import { prng } from '../../../helpers/prng';
import { repoRoot } from '../../../helpers/core';

/**
 * src/core/parsers/dockerfile.ts replaces dockerfile-ast's argument split (every instruction's
 * words, with their values and ranges) by a cheaper one that must give exactly the same answer:
 * every instruction of these inputs is split both ways and compared.
 */

/** The arguments of an instruction as plain data: value and range. */
function plain(args: readonly { getValue(): string; getRange(): unknown }[]): unknown[] {
  return args.map((a) => ({ value: a.getValue(), range: a.getRange() }));
}

/** Every instruction of the text split by both; the number of instructions compared. */
function compare(text: string): number {
  const instructions: Instruction[] = DockerfileParser.parse(text).getInstructions();
  for (const instruction of instructions) {
    // getRawArguments is private in the typings; the patched one is the new split (kept per instance)
    const ours = (instruction as unknown as { getRawArguments(): { getValue(): string; getRange(): unknown }[] }).getRawArguments();
    const theirs = dockerfileAstSplit.call(instruction);
    assert.deepEqual(plain(ours), plain(theirs), `${JSON.stringify(text)}: instruction on line ${instruction.getRange().start.line + 1}`);
  }
  return instructions.length;
}

describe('Dockerfile argument split', () => {
  it('matches dockerfile-ast on escapes, continuations, comments and line ends', () => {
    const cases = [
      'FROM alpine:3.20 AS build\nRUN echo hi there\n',
      'RUN a \\\n    b \\\n    c\n',
      'RUN a\\ b c\\$HOME "\\$x" \\\\ d\n',
      'RUN a \\  \n  b \\ \t\n c\n',
      'RUN a \\ b\n',
      'RUN one \\\n# a comment inside\n  two \\\n  # another\n  three\n',
      'RUN x \\\r\n  y \\\r\n  z\r\n',
      'RUN x \\\r  y\r',
      'RUN trailing \\',
      'RUN trailing\\',
      'ENV A=1 B="two words" C=three\\ words\n',
      'LABEL a="x" \\\n      b=\'y\'\n',
      'COPY --from=build --chown=app:app /src /dst\n',
      'CMD ["sh", "-c", "echo $HOME"]\n',
      'HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n',
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir `\n    c:\\ `\n    && echo `$x\n',
      '# escape=`\nRUN a ` b `\r\n c\n',
      'RUN \\\n\\\n  a\n',
      'RUN a#b # c\n',
      'RUN <<EOF\necho one\necho two\nEOF\n',
      'RUN\n',
      'RUN     \n',
      'ARG\tX=1\t\tY=2\n',
    ];
    for (const text of cases) {
      assert.ok(compare(text) > 0, JSON.stringify(text));
    }
  });

  it('matches dockerfile-ast on seeded random instructions', () => {
    const random = prng(20261206);
    const pieces = [' ', '  ', '\t', '\\', '\\\n', '\\ \n', '\\\r\n', '\n', '\r\n', '#', '# c\n', '$', '`', '"', "'", 'a', 'bc', '=', '-', '[', ']', ',', 'x y', '\\$', '\\\\'];
    const keywords = ['RUN', 'ENV', 'LABEL', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'ARG', 'FROM', 'WORKDIR', 'USER', 'EXPOSE', 'HEALTHCHECK', 'ONBUILD RUN', 'SHELL', 'VOLUME', 'STOPSIGNAL'];
    let compared = 0;
    for (let n = 0; n < 400; n++) {
      let text = random() < 0.15 ? '# escape=`\n' : '';
      const lines = 1 + Math.floor(random() * 4);
      for (let l = 0; l < lines; l++) {
        text += keywords[Math.floor(random() * keywords.length)] + ' ';
        const length = Math.floor(random() * 14);
        for (let k = 0; k < length; k++) {
          text += pieces[Math.floor(random() * pieces.length)];
        }
        text += random() < 0.8 ? '\n' : '';
      }
      compared += compare(text);
    }
    assert.ok(compared > 400, `only ${compared} instructions compared`);
  });

  it("matches dockerfile-ast on the repository's own Dockerfiles", () => {
    const root = repoRoot();
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && !e.name.startsWith('.')) {
            walk(full);
          }
        } else if (/^Dockerfile|\.dockerfile$|^Containerfile/i.test(e.name)) {
          files.push(full);
        }
      }
    };
    walk(path.join(root, 'examples'));
    walk(path.join(root, 'test'));
    files.push(path.join(root, 'Dockerfile'));
    assert.ok(files.length > 10, `only ${files.length} Dockerfiles found`);
    for (const file of files) {
      compare(fs.readFileSync(file, 'utf8'));
    }
  });

  it("finds positions as the document's own positionAt does, in any order of asking", () => {
    const random = prng(20261207);
    const texts = ['', 'FROM a', 'FROM a\n', '\n\n\n', 'FROM a\r\nRUN b \\\r\n  c\r\n', 'RUN x\ry\rz', 'FROM a\nRUN b\n\n# c\nCMD ["d"]'];
    for (let n = 0; n < 60; n++) {
      let text = '';
      for (let k = Math.floor(random() * 40); k > 0; k--) {
        text += ['FROM a', 'RUN b', ' ', '\n', '\r\n', '\r', '\\\n', 'é', '😀'][Math.floor(random() * 9)];
      }
      texts.push(text);
    }
    let asked = 0;
    for (const text of texts) {
      const document = (DockerfileParser.parse(text) as unknown as { document: { positionAt(offset: number): unknown } }).document;
      // in text order, backwards, at random, and out of range
      const offsets = [-3, -1, 0, text.length, text.length + 1, text.length + 50];
      for (let i = 0; i <= text.length; i++) {
        offsets.push(i);
      }
      for (let i = text.length; i >= 0; i--) {
        offsets.push(i);
      }
      for (let i = 0; i < 40; i++) {
        offsets.push(Math.floor(random() * (text.length + 3)) - 1);
      }
      for (const offset of offsets) {
        assert.deepEqual(document.positionAt(offset), libraryPositionAt.call(document, offset), `${JSON.stringify(text)} at ${offset}`);
        asked++;
      }
    }
    assert.ok(asked > 2000, `only ${asked} positions compared`);
  });

  it('is installed on the documents dockerfile-ast makes, and stays right when a document changes', () => {
    type Doc = { positionAt(offset: number): unknown; update(changes: { text: string }[], version: number): void };
    const document = (DockerfileParser.parse('FROM a\nRUN b\nCMD c\n') as unknown as { document: Doc }).document;
    assert.notEqual(document.positionAt, libraryPositionAt, 'the patched positionAt is not in place');
    // the line of the last answer is remembered: a shorter text must not reuse it
    assert.deepEqual(document.positionAt(15), { line: 2, character: 2 });
    document.update([{ text: 'FROM a\n' }], 2);
    for (let offset = -1; offset <= 9; offset++) {
      assert.deepEqual(document.positionAt(offset), libraryPositionAt.call(document, offset), `after the update, at ${offset}`);
    }
    document.update([{ text: 'FROM a\r\n\r\nRUN b\r\n' }], 3);
    for (let offset = 14; offset >= -1; offset--) {
      assert.deepEqual(document.positionAt(offset), libraryPositionAt.call(document, offset), `after the second update, at ${offset}`);
    }
  });
});
