import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { partition, workerCount } from '../../src/cli/parallel';
import type { JobFile } from '../../src/cli/parallel';
import { runBuiltCli, runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/core';

const root = repoRoot();
const ARGS = ['check', 'examples', 'test/fixtures/ok'];

describe('check in worker threads', () => {
  it('reports exactly what a single-threaded run reports, with the same exit code', async () => {
    let parallelJson = '';
    for (const format of ['json', 'text']) {
      // main() in this process never starts workers; the built binary with AURORA_WORKERS=3 does
      const serial = await runCli([...ARGS, '--format', format], root, { ...process.env, AURORA_WORKERS: '0' });
      const parallel = runBuiltCli([...ARGS, '--format', format], root, { ...process.env, AURORA_WORKERS: '3' });
      assert.equal(serial.stderr, '');
      assert.equal(parallel.stderr, '');
      assert.equal(serial.code, 1, 'the examples have findings');
      assert.equal(parallel.code, serial.code);
      assert.equal(parallel.stdout, serial.stdout);
      parallelJson = format === 'json' ? parallel.stdout : parallelJson;
    }
    // cross-file findings (Kubernetes selectors, Terraform modules) survive the split
    const findings = (JSON.parse(parallelJson) as { findings?: { ruleId: string }[] }[]).length;
    assert.ok(findings > 10, `files with findings: ${findings}`);
  });

  it('keeps every folder in one share and every file in exactly one share', () => {
    const files: JobFile[] = [];
    for (let d = 0; d < 23; d++) {
      for (let f = 0; f <= d % 5; f++) {
        files.push({ path: `team/d${d}/f${f}.yaml`, real: `/r/team/d${d}/f${f}.yaml`, text: 'x'.repeat(100 * (d + 1)) });
      }
    }
    files.push({ path: 'Dockerfile', real: '/r/Dockerfile', text: 'FROM x' });
    const shares = partition(files, 3);
    assert.equal(shares.length, 3);
    assert.deepEqual(shares.flat().map((f) => f.path).sort(), files.map((f) => f.path).sort());
    const owner = new Map<string, number>();
    shares.forEach((share, i) => {
      for (const f of share) {
        const dir = path.posix.dirname(f.path);
        assert.equal(owner.get(dir) ?? i, i, `${dir} is split across shares`);
        owner.set(dir, i);
      }
    });
    const sizes = shares.map((s) => s.reduce((a, f) => a + f.text.length, 0));
    assert.ok(Math.max(...sizes) < 1.5 * Math.min(...sizes), `balanced shares: ${sizes.join(', ')}`);
  });

  it('stays on one thread for small trees and on two cores, unless AURORA_WORKERS says otherwise', () => {
    const saved = process.env.AURORA_WORKERS;
    try {
      delete process.env.AURORA_WORKERS;
      assert.strictEqual(workerCount(5000, 2), 0);
      assert.strictEqual(workerCount(5000, 4), 4);
      assert.strictEqual(workerCount(5000, 32), 8);
      assert.strictEqual(workerCount(100, 8), 0);
      process.env.AURORA_WORKERS = '3';
      assert.strictEqual(workerCount(10, 2), 3);
      process.env.AURORA_WORKERS = '1';
      assert.strictEqual(workerCount(5000, 8), 0);
    } finally {
      if (saved === undefined) {
        delete process.env.AURORA_WORKERS;
      } else {
        process.env.AURORA_WORKERS = saved;
      }
    }
  });
});
