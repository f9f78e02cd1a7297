import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { isScalar } from 'yaml';
import { parseYamlFile, get, getIn } from '../../../../src/core/parsers/yaml';
import { blankExpressions, findExpressions, mapScalar, workflowsOf } from '../../../../src/core/rules/github-actions/workflow';
import { contextPaths, syntaxProblems } from '../../../../src/core/rules/github-actions/expression';
import { untrustedRefs } from '../../../../src/core/rules/github-actions/untrusted';
import { findingsOf, ready } from '../../../helpers/core';

/** The text a mapped range of the value covers in the file must be the value's own text. */
function assertAligned(source: string, path: (string | number)[], needle: string): void {
  const file = parseYamlFile(source);
  const node = getIn(file.documents[0].contents, path);
  assert.ok(isScalar(node));
  const mapped = mapScalar(file, node);
  const at = mapped.value.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in value`);
  const start = mapped.toFile(at);
  const end = mapped.toFile(at + needle.length - 1) + 1;
  assert.equal(source.slice(start, end), needle);
}

describe('github-actions workflow model', () => {
  before(ready);

  it('maps literal block scalars exactly', () => {
    assertAligned('run: |\n  echo one\n    indented ${{ x }}\n  last\n', ['run'], 'indented ${{ x }}');
  });

  it('maps literal block scalars with CRLF and an indentation indicator', () => {
    assertAligned('run: |2\r\n    echo one\r\n    echo ${{ github.sha }}\r\n', ['run'], 'echo ${{ github.sha }}');
  });

  it('maps folded, plain and quoted scalars', () => {
    assertAligned('run: >-\n  echo a\n  && echo ${{ b }}\n', ['run'], '${{ b }}');
    assertAligned('run: echo ${{ b }} done\n', ['run'], '${{ b }}');
    assertAligned('run: "echo \\"${{ b }}\\""\n', ['run'], '${{ b }}');
    assertAligned("run: 'it''s ${{ b }}'\n", ['run'], '${{ b }}');
  });

  it('finds expressions, with }} inside string literals', () => {
    const e = findExpressions("a ${{ format('{{0}}', x) }} b ${{ y }}");
    assert.deepEqual(e.map((x) => x.inner.trim()), ["format('{{0}}', x)", 'y']);
    assert.equal(findExpressions('x ${{ open').at(0)?.closed, false);
  });

  it('blanks expressions without moving offsets', () => {
    const v = 'echo "${{ a }}" ${{ b }}';
    const out = blankExpressions(v, findExpressions(v));
    assert.equal(out.length, v.length);
    assert.equal(out, 'echo "________" ________');
  });

  it('parses run scripts with expressions as one word', () => {
    const file = parseYamlFile('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: kubectl set image deploy/a a=${{ env.IMAGE }}:${{ github.sha }}\n');
    const step = workflowsOf(file)[0].jobs[0].steps[0];
    const cmd = step.run()?.script?.commands[0];
    assert.equal(cmd?.name, 'kubectl');
    assert.equal(cmd?.args.length, 4);
  });

  it('does not parse pwsh scripts as bash', () => {
    const file = parseYamlFile('on: push\njobs:\n  a:\n    runs-on: windows-2022\n    steps:\n      - run: Write-Host "a"\n      - run: echo a\n        shell: bash\n');
    const steps = workflowsOf(file)[0].jobs[0].steps;
    assert.equal(steps[0].run()?.script, undefined);
    assert.ok(steps[1].run()?.script);
  });

  it('resolves needs transitively', () => {
    const file = parseYamlFile('on: push\njobs:\n  a:\n    runs-on: x\n  b:\n    needs: a\n    runs-on: x\n  c:\n    needs: [b]\n    runs-on: x\n');
    const wf = workflowsOf(file)[0];
    const c = wf.jobById('c');
    assert.ok(c);
    assert.deepEqual(wf.ancestors(c).map((j) => j.id).sort(), ['a', 'b']);
    assert.deepEqual(wf.descendants(wf.jobById('a') ?? c).map((j) => j.id).sort(), ['b', 'c']);
    void get;
  });
});

describe('github-actions expressions', () => {
  it('normalises context paths', () => {
    assert.deepEqual(
      contextPaths("github.event.commits[0].message == x['y'].z && toJSON(github.event.pull_request)").map((p) => p.path),
      ['github.event.commits.*.message', 'x.y.z', 'github.event.pull_request'],
    );
  });

  it('recognises untrusted references and whole objects holding them', () => {
    assert.deepEqual(untrustedRefs('github.event.pull_request.head.ref').map((r) => r.path), ['github.event.pull_request.head.ref']);
    assert.deepEqual(untrustedRefs('toJSON(github.event.issue)').map((r) => r.path), ['github.event.issue']);
    assert.deepEqual(untrustedRefs('github.event.pull_request.head.sha'), []);
    assert.deepEqual(untrustedRefs('github.event.issue.number'), []);
  });

  it('reports syntax problems at their offsets', () => {
    assert.deepEqual(syntaxProblems("a == 'b' && (c || d"), [{ message: "'(' is never closed", start: 12, end: 13 }]);
    assert.deepEqual(syntaxProblems('a ]'), [{ message: "unbalanced ']'", start: 2, end: 3 }]);
    assert.deepEqual(syntaxProblems("!startsWith(a, 'b') && !(c)"), []);
  });
});

describe('github-actions finding positions', () => {
  before(ready);

  it('script-injection points at the expression inside a folded script', () => {
    const text = 'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: >\n          echo\n          ${{ github.event.issue.title }}\n';
    const [f] = findingsOf('github-actions/script-injection', '.github/workflows/a.yml', text);
    assert.deepEqual(f.range, { start: { line: 7, character: 10 }, end: { line: 7, character: 41 } });
  });

  it('script-injection offers no fix inside a double-quoted YAML scalar', () => {
    const text = 'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: "echo ${{ github.event.issue.title }}"\n';
    const [f] = findingsOf('github-actions/script-injection', '.github/workflows/a.yml', text);
    assert.equal(f.range.start.character, 19);
    assert.equal(f.fix, undefined);
  });
});

describe('typo suggestions', () => {
  it('suggest close words only', async () => {
    const { closest } = await import('../../../../src/core/rules/shared/suggest');
    assert.equal(closest('permission', ['permissions', 'env']), 'permissions');
    assert.equal(closest('runs_on', ['runs-on', 'needs']), 'runs-on');
    assert.equal(closest('5', ['a', 'b']), undefined);
    assert.equal(closest('retries', ['runs-on', 'needs', 'steps']), undefined);
  });
});
