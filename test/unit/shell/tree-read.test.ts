import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { readTree } from '../../../src/core/parsers/shell';
import { directCursorCalls, parserFor } from '../../../src/core/parsers/treeSitter';
import { prng } from '../../helpers/prng';
import { ready } from '../../helpers/core';

/**
 * readTree walks bash trees with direct calls into tree-sitter's wasm, skipping web-tree-sitter's
 * copies of the cursor (src/core/parsers/treeSitter.ts): every node it reads must be the node
 * web-tree-sitter's own TreeCursor reads, with the same type, span, field and error marks.
 */

interface Plain {
  type: string;
  named: boolean;
  span: [number, number];
  field: string | null;
  missing: boolean;
  error: boolean;
  children: Plain[];
}

type Read = ReturnType<typeof readTree>;

function plain(n: Read): Plain {
  return { type: n.type, named: n.isNamed, span: [n.startIndex, n.endIndex], field: n.field, missing: n.isMissing, error: n.hasError, children: n.children.map(plain) };
}

function both(text: string): { direct: Plain; generic: Plain } {
  const parser = parserFor('bash');
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    return { direct: plain(readTree(tree, text)), generic: plain(readTree(tree, text, true)) };
  } finally {
    tree.delete();
  }
}

function count(p: Plain): number {
  return 1 + p.children.reduce((n, c) => n + count(c), 0);
}

const SCRIPTS = [
  'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \\\n  && rm -rf /var/lib/apt/lists/*',
  'set -eux; f() { local x="$1"; echo "${x:-none}" >&2; }; f "a b" 2>/dev/null | tee /tmp/log',
  'A=1 B="two words" env | grep -E "^(A|B)="',
  'if [ -f x ]; then\n  echo yes\n',
  'cat <<EOF > /etc/app.conf\nkey=$VALUE\nEOF\necho done',
  'for i in $(seq 1 3); do echo "$i" ; done; while read -r l; do :; done < file',
  'echo "héllo wörld 🚀" && printf "%s\\n" "ünïcödé" > out.txt',
  'case "$1" in a) echo a;; *) echo other;; esac',
  'echo $(( 1 + ',
  '{ echo a; echo b; } > both.txt 2>&1',
  'curl -fsSL https://example.invalid/install.sh | sh -s -- --yes',
  '',
  '# only a comment',
];

const WORDS = ['echo', 'apt-get install -y', '&&', '|', ';', '"quoted text"', "'single'", '$VAR', '${X:-y}', '$(date)', '`id`', '>', '2>&1', '<<EOF\nbody\nEOF', 'if true; then', 'fi', 'do', 'done', '(', ')', '{', '}', 'x=1', '\\\n', '🚀', 'é', '#', 'case', 'esac', '[[ -n "$a" ]]'];

describe('readTree: direct wasm calls read the tree web-tree-sitter reads', () => {
  before(ready);

  it('this web-tree-sitter build offers the direct cursor calls (so the fast path is the one in use)', () => {
    assert.ok(directCursorCalls());
  });

  it('the same nodes on hand-written scripts: lists, functions, assignments, heredocs, errors, non-ASCII', () => {
    for (const text of SCRIPTS) {
      const { direct, generic } = both(text);
      assert.deepEqual(direct, generic, JSON.stringify(text));
    }
    // the comparison covers fields and error marks, not only shapes
    const withField = both('x=1').direct;
    assert.ok(JSON.stringify(withField).includes('"field":"name"'), JSON.stringify(withField));
    assert.ok(both('if [ -f x ]; then\n  echo yes\n').direct.error);
  });

  it('the same nodes on 300 random scripts', () => {
    const random = prng(2026);
    let nodes = 0;
    for (let i = 0; i < 300; i++) {
      const words: string[] = [];
      const n = 1 + Math.floor(random() * 30);
      for (let j = 0; j < n; j++) {
        words.push(WORDS[Math.floor(random() * WORDS.length)]);
      }
      const text = words.join(random() < 0.5 ? ' ' : '\n');
      const { direct, generic } = both(text);
      assert.deepEqual(direct, generic, JSON.stringify(text));
      nodes += count(direct);
    }
    assert.ok(nodes > 3000, `${nodes} nodes compared`);
  });
});
