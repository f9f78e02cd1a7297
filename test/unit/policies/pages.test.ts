import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, docsHeader } from '../../../src/core';
import { POLICIES } from '../../../src/core/policies';
import { policyMeta } from '../../../src/core/policies/compile';
import { describePolicy, describeReference, STANDARD_NAMES } from '../../../src/core/policies/describe';
import { describeLimits } from '../../../src/core/policies/limits';
import { CONTROL_NOTES } from '../../../src/core/policies/standards';
import type { Policy, StandardId } from '../../../src/core/policies/types';
import { repoRoot } from '../../helpers/core';
import { goldenDir, updatingGolden } from '../../helpers/golden';

const root = repoRoot();

/** The page of a policy: everything generated from the policy and its golden examples. */
function policyPage(p: Policy): string {
  const dir = goldenDir(p.id);
  const bad = fs.readFileSync(path.join(dir, 'bad'), 'utf8');
  const good = fs.readFileSync(path.join(dir, 'good'), 'utf8');
  const lang = p.subject.kind === 'terraform' ? 'hcl' : 'yaml';
  const refs = (p.references ?? []).map((r) => `- ${describeReference(r)}`);
  return [
    docsHeader({ id: p.id, meta: policyMeta(p) }),
    '<!-- generated from the policy in src/core/policies and test/golden: edit them and run npm run test:update -->',
    '',
    '## What',
    describePolicy(p),
    '',
    '## Why',
    p.description,
    '',
    '## Bad',
    '```' + lang,
    bad.trimEnd(),
    '```',
    '',
    '## Good',
    '```' + lang,
    good.trimEnd(),
    '```',
    '',
    '## Fix',
    p.remedy,
    '',
    '## Known limits',
    ...describeLimits(p).map((l) => `- ${l}`),
    ...(refs.length > 0 ? ['', '## References', ...refs] : []),
    '',
  ].join('\n');
}

/** docs/rules/README.md's tables: per standard, control → rule ids (or why it is not checkable). */
function standardTables(): string {
  const known = new Set(ALL_RULES.map((r) => r.id));
  const out: string[] = [];
  for (const [id, name] of Object.entries(STANDARD_NAMES) as [StandardId, string][]) {
    const rows = new Map<string, { rules: Set<string>; reason?: string }>();
    const row = (control: string): { rules: Set<string>; reason?: string } => {
      let r = rows.get(control);
      if (!r) {
        r = { rules: new Set() };
        rows.set(control, r);
      }
      return r;
    };
    for (const p of POLICIES) {
      for (const ref of p.references ?? []) {
        if (ref.standard === id) {
          row(ref.control).rules.add(p.id);
        }
      }
    }
    for (const n of CONTROL_NOTES.filter((c) => c.standard === id)) {
      const r = row(n.control);
      for (const rule of n.rules ?? []) {
        assert.ok(known.has(rule), `CONTROL_NOTES names an unknown rule ${rule}`);
        r.rules.add(rule);
      }
      r.reason = n.reason;
    }
    if (rows.size === 0) {
      continue;
    }
    const sorted = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    out.push(`### ${name}`, '', '| Control | Rules |', '| --- | --- |');
    for (const [control, r] of sorted) {
      const rules = [...r.rules].sort().map((x) => `[${x}](${x}.md)`);
      out.push(`| ${control} | ${rules.length > 0 ? rules.join(', ') : `not checkable statically: ${r.reason ?? ''}`}${rules.length > 0 && r.reason ? ` (${r.reason})` : ''} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

const START = '<!-- standards:start (generated: npm run test:update) -->';
const END = '<!-- standards:end -->';

describe('policy pages', () => {
  for (const p of POLICIES) {
    it(`${p.id} has its generated page`, () => {
      const file = path.join(root, 'docs', 'rules', `${p.id}.md`);
      const want = policyPage(p);
      if (updatingGolden()) {
        fs.writeFileSync(file, want);
      }
      assert.equal(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', want, `${p.id}: the page is generated (npm run test:update)`);
    });
  }

  it('docs/rules/README.md has the table of every standard', () => {
    const file = path.join(root, 'docs', 'rules', 'README.md');
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf(START);
    const end = text.indexOf(END);
    assert.ok(at >= 0 && end > at, 'README.md needs the standards markers');
    const want = `${text.slice(0, at + START.length)}\n\n${standardTables()}${text.slice(end)}`;
    if (updatingGolden()) {
      fs.writeFileSync(file, want);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), want, 'the standards tables are generated (npm run test:update)');
  });
});
