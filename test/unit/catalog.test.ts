import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, analyze, applyFixes, catalog, docsHeader, ENGINE_RULES } from '../../src/core';
import { ready, repoRoot, SAMPLE_PATH } from '../helpers/core';
import { updatingGolden } from '../helpers/golden';

const root = repoRoot();

/** The page with its head (title and metadata line) generated from the rule; rewritten under test:update. */
function checkedPage(rule: { id: string; meta: (typeof ENGINE_RULES)[number]['meta'] }, pagePath: string): string {
  assert.ok(fs.existsSync(pagePath), `missing ${path.relative(root, pagePath)}`);
  let page = fs.readFileSync(pagePath, 'utf8');
  const head = docsHeader(rule);
  const body = page.replace(/^# [^\n]*\n\n(\*\*[^\n]*\n)?/, '');
  if (updatingGolden() && !page.startsWith(head)) {
    page = head + (body.startsWith('\n') ? body : `\n${body}`);
    fs.writeFileSync(pagePath, page);
  }
  assert.equal(page.slice(0, page.indexOf('\n\n', page.indexOf('\n\n') + 2) + 1), head, 'the page head is generated from the rule metadata: run npm run test:update');
  return page;
}

/** The bullets of a page's `## Known limits` section (every page states what its rule cannot see, issue 17). */
function knownLimits(page: string): string[] {
  const at = page.indexOf('\n## Known limits\n');
  if (at < 0) {
    return [];
  }
  const body = page.slice(at + '\n## Known limits\n'.length);
  const end = body.search(/^## /m);
  return (end < 0 ? body : body.slice(0, end)).split('\n').filter((l) => l.startsWith('- ') && l.trim().length > 2);
}

/** The first fenced code block after a `## <heading>` line. */
function exampleAfter(page: string, heading: string): string | undefined {
  const at = page.indexOf(`\n## ${heading}\n`);
  if (at < 0) {
    return undefined;
  }
  const m = /```[^\n]*\n([\s\S]*?)```/.exec(page.slice(at));
  return m ? m[1] : undefined;
}

describe('rule catalog', () => {
  before(ready);

  it('has unique ids of the form <kind>/<name> matching the rule kind', () => {
    const seen = new Set<string>();
    for (const rule of ALL_RULES) {
      assert.ok(!seen.has(rule.id), `duplicate rule id ${rule.id}`);
      seen.add(rule.id);
      assert.match(rule.id, /^[a-z0-9-]+\/[a-z0-9-]+$/);
      assert.equal(rule.id.split('/')[0], rule.meta.kind, `${rule.id} is in the wrong pack`);
      assert.ok(rule.meta.title.length > 5 && rule.meta.description.length > 20, `${rule.id} needs a title and a description`);
    }
  });

  it('lists the engine findings with the rules', () => {
    const ids = catalog(ENGINE_RULES).map((e) => e.id);
    for (const e of ENGINE_RULES) {
      assert.ok(ids.includes(e.id));
    }
  });

  for (const e of ENGINE_RULES) {
    it(`${e.id} (an engine finding) has a page with a generated head, What, Why, Fix and Known limits`, () => {
      const page = checkedPage(e, path.join(root, 'docs', 'rules', `${e.id}.md`));
      for (const section of ['What', 'Why', 'Fix', 'Known limits']) {
        assert.ok(page.includes(`\n## ${section}\n`), `section ## ${section} missing`);
      }
      assert.ok(knownLimits(page).length > 0, 'the Known limits section needs at least one bullet');
    });
  }

  for (const rule of ALL_RULES) {
    describe(`${rule.id} documentation`, () => {
      const pagePath = path.join(root, 'docs', 'rules', `${rule.id}.md`);
      it('has a page with What, Why, Bad, Good, Fix and Known limits sections', () => {
        const page = checkedPage(rule, pagePath);
        for (const section of ['What', 'Why', 'Bad', 'Good', 'Fix', 'Known limits']) {
          assert.ok(page.includes(`\n## ${section}\n`), `section ## ${section} missing`);
        }
        assert.ok(knownLimits(page).length > 0, 'the Known limits section needs at least one bullet');
      });
      it('its Bad example is reported and its Good example is not', () => {
        if (!fs.existsSync(pagePath)) {
          assert.fail(`missing ${path.relative(root, pagePath)}`);
        }
        const page = fs.readFileSync(pagePath, 'utf8');
        const bad = exampleAfter(page, 'Bad');
        const good = exampleAfter(page, 'Good');
        assert.ok(bad !== undefined && good !== undefined, 'Bad and Good need a fenced example each');
        const file = /<!--\s*path:\s*(\S+)\s*-->/.exec(page)?.[1] ?? SAMPLE_PATH[rule.meta.kind];
        // `<!-- files: a, b -->` lists the files beside the example for rules that ask the host (may be empty)
        const files = /<!--\s*files:([^>]*?)-->/.exec(page)?.[1].split(/[\s,]+/).filter(Boolean);
        const env = files ? { fileExists: (p: string) => files.includes(p) } : {};
        // a cross-file rule sees the example as a folder holding that one file
        const run = (text: string) => analyze(file, text, {}, env);
        const badIds = run(bad).map((f) => f.ruleId);
        const goodIds = run(good).map((f) => f.ruleId);
        assert.ok(badIds.includes(rule.id), `Bad example of ${rule.id} is not reported (got ${badIds.join(', ') || 'nothing'})`);
        assert.ok(!goodIds.includes(rule.id), `Good example of ${rule.id} is reported`);
      });
    });
  }

  for (const rule of ALL_RULES.filter((r) => r.meta.fixable)) {
    it(`${rule.id} fix matches its golden output`, () => {
      const dir = path.join(root, 'test', 'fixtures', 'fixes', rule.id);
      assert.ok(fs.existsSync(path.join(dir, 'input')) && fs.existsSync(path.join(dir, 'expected')), `missing golden files in ${path.relative(root, dir)} (input, expected)`);
      const input = fs.readFileSync(path.join(dir, 'input'), 'utf8');
      const expected = fs.readFileSync(path.join(dir, 'expected'), 'utf8');
      const file = fs.existsSync(path.join(dir, 'path')) ? fs.readFileSync(path.join(dir, 'path'), 'utf8').trim() : SAMPLE_PATH[rule.meta.kind];
      let text = input;
      for (let round = 0; round < 5; round++) {
        const findings = analyze(file, text).filter((f) => f.ruleId === rule.id);
        const result = applyFixes(text, findings, true);
        if (result.applied.length === 0) {
          break;
        }
        text = result.text;
      }
      assert.equal(text, expected);
      assert.deepEqual(analyze(file, text).filter((f) => f.ruleId === rule.id && f.fix), [], 'after fixing, the rule must not offer the fix again');
    });
  }
});
