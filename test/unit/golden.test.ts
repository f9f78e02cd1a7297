import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, analyze } from '../../src/core';
import { ready } from '../helpers/core';
import { formatGolden, goldenCase, goldenDir, updatingGolden } from '../helpers/golden';

// Per rule: what it reports on its bad input (line, column, severity, message, fix) is pinned in
// test/golden/<rule-id>/bad.out, byte for byte; `npm run test:update` rewrites the .out files and
// review reads the diff. The good input must give none of the rule's findings.
describe('golden outputs', () => {
  before(ready);
  for (const rule of ALL_RULES) {
    it(rule.id, () => {
      const c = goldenCase(rule);
      assert.ok(c, `missing test/golden/${rule.id}/bad and good`);
      const got = formatGolden('bad', analyze(c.path, c.bad, {}, c.env).filter((f) => f.ruleId === rule.id));
      assert.notEqual(got, '', `${rule.id} does not fire on its bad input`);
      const outFile = path.join(goldenDir(rule.id), 'bad.out');
      if (updatingGolden()) {
        fs.writeFileSync(outFile, got);
      }
      assert.ok(fs.existsSync(outFile), `missing ${path.relative(process.cwd(), outFile)}: run npm run test:update`);
      assert.equal(got, fs.readFileSync(outFile, 'utf8'), 'bad.out differs (npm run test:update rewrites it; review the diff)');
      assert.deepEqual(analyze(c.path, c.good, {}, c.env).filter((f) => f.ruleId === rule.id).map((f) => f.message), [], `${rule.id} fires on its good input`);
    });
  }
});
