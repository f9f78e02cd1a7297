import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readProject } from '../../../src/generate/node';

describe('readProject', () => {
  it('reads manifests in full, lockfiles and CI folders for presence only, and cmd/* main packages', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-read-'));
    try {
      fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/x\n');
      fs.writeFileSync(path.join(dir, 'go.sum'), 'a'.repeat(1000));
      fs.mkdirSync(path.join(dir, 'cmd', 'api'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'cmd', 'api', 'main.go'), 'package main\n');
      fs.mkdirSync(path.join(dir, 'cmd', 'docs'), { recursive: true });
      fs.mkdirSync(path.join(dir, '.github'));
      fs.mkdirSync(path.join(dir, 'package.json'));
      const input = readProject(dir);
      assert.deepEqual(input.files, { 'go.mod': 'module example.com/x\n', 'go.sum': '', 'cmd/api/main.go': '', '.github': '' });
      assert.equal(input.dirName, path.basename(dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
