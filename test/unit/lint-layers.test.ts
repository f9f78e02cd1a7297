import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { repoRoot } from '../helpers/core';

// The repository's own lint rules (scripts/eslint-layers.cjs) on a small project written here:
// each case must be reported, and the allowed imports must not be.
const plugin = createRequire(__filename)(path.join(repoRoot(), 'scripts', 'eslint-layers.cjs')) as ESLint.Plugin;

const project: Record<string, string> = {
  'package.json': '{}\n',
  'src/shared/protocol.ts': 'export const PROTOCOL = 1;\n',
  'src/core/a.ts': "import { b } from './b';\nexport const a = (): number => b();\n",
  'src/core/b.ts': "import { a } from './a';\nexport const b = (): number => a();\n",
  'src/core/c.ts': "import type { T } from './d';\nexport const c = 1;\nexport type U = T;\n",
  'src/core/d.ts': "import { c } from './c';\nexport type T = typeof c;\n",
  'src/core/up.ts': "import { run } from '../agent/loop';\nexport const up = run;\n",
  'src/agent/loop.ts': "import { PROTOCOL } from '../shared/protocol';\nimport { c } from '../core/c';\nexport const run = PROTOCOL + c;\n",
  'src/cli/main.ts': "import { run } from '../agent/loop';\nimport { show } from '../vscode/view';\nexport const main = run + show;\n",
  'src/vscode/view.ts': "import { run } from '../agent/loop';\nexport const show = run;\n",
  'src/webview/main.ts': "import { PROTOCOL } from '../shared/protocol';\nimport { c } from '../core/c';\nexport const w = PROTOCOL + c;\n",
};

describe('lint: layers and import cycles', () => {
  let dir = '';
  const lint = (file: string): string[] => {
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser }, plugins: { aurora: plugin }, rules: { 'aurora/layers': 'error', 'aurora/no-cycles': 'error' } }];
    const full = path.join(dir, file);
    return linter.verify(fs.readFileSync(full, 'utf8'), config, { filename: full }).map((m) => `${m.line}:${m.ruleId ?? m.message}`);
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lint-'));
    for (const [name, text] of Object.entries(project)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports both sides of a runtime import cycle', () => {
    assert.deepEqual(lint('src/core/a.ts'), ['1:aurora/no-cycles']);
    assert.deepEqual(lint('src/core/b.ts'), ['1:aurora/no-cycles']);
  });
  it('does not count type-only imports as a cycle', () => {
    assert.deepEqual(lint('src/core/c.ts'), []);
    assert.deepEqual(lint('src/core/d.ts'), []);
  });
  it('reports an import from a higher layer, and between the two hosts', () => {
    assert.deepEqual(lint('src/core/up.ts'), ['1:aurora/layers']);
    assert.deepEqual(lint('src/cli/main.ts'), ['2:aurora/layers']);
  });
  it('lets layers import downward, and the webview only the shared protocol', () => {
    assert.deepEqual(lint('src/agent/loop.ts'), []);
    assert.deepEqual(lint('src/vscode/view.ts'), []);
    assert.deepEqual(lint('src/webview/main.ts'), ['2:aurora/layers']);
  });
  it('the repository config forbids Node built-ins and vscode in src/core', async () => {
    const eslint = new ESLint({ cwd: repoRoot() });
    const config = (await eslint.calculateConfigForFile(path.join(repoRoot(), 'src', 'core', 'analyze.ts'))) as Linter.Config;
    const setting = JSON.stringify(config.rules?.['no-restricted-imports']);
    for (const name of ['"fs"', '"child_process"', '"path"', '"vscode"', '"node:*"']) {
      assert.ok(setting.includes(name), `src/core must not import ${name}`);
    }
    assert.ok(config.rules?.['aurora/layers'] && config.rules?.['aurora/no-cycles'], 'the layer rules apply to src/');
  });
});
