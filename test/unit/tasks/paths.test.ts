import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findAuroraYaml, projectFolderOf } from '../../../src/vscode/tasks/paths';

describe('task folder lookups', () => {
  let root = '';
  const mk = (rel: string, text = ''): string => {
    const full = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
  };
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-paths-'));
    mk('ws/aurora.yml');
    mk('ws/services/api/package.json', '{}');
    mk('ws/services/api/src/routes/index.js');
    mk('ws/services/worker/go.mod', 'module x\n');
    mk('ws/services/worker/aurora.yaml');
    mk('ws/docs/readme.md');
    mk('package.json', '{}');
    mk('aurora.yaml');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the project of a file deep inside it', () => {
    const ws = path.join(root, 'ws');
    assert.equal(projectFolderOf(path.join(ws, 'services/api/src/routes'), ws), path.join(ws, 'services/api'));
    assert.equal(projectFolderOf(path.join(ws, 'services/worker'), ws), path.join(ws, 'services/worker'));
  });

  it('does not climb above the workspace folder to a project outside it', () => {
    const ws = path.join(root, 'ws');
    assert.equal(projectFolderOf(path.join(ws, 'docs'), ws), undefined);
    assert.equal(projectFolderOf(root, ws), undefined, 'a folder outside the workspace folder');
  });

  it('takes the nearest aurora.yaml, then aurora.yml, within the workspace folder', () => {
    const ws = path.join(root, 'ws');
    assert.equal(findAuroraYaml(path.join(ws, 'services/worker'), ws), path.join(ws, 'services/worker/aurora.yaml'));
    assert.equal(findAuroraYaml(path.join(ws, 'services/api/src'), ws), path.join(ws, 'aurora.yml'));
  });

  it('ignores an aurora.yaml above the workspace folder unless unbounded', () => {
    const ws = path.join(root, 'ws', 'services', 'api');
    assert.equal(findAuroraYaml(ws, ws), undefined);
    assert.equal(findAuroraYaml(ws, undefined), path.join(root, 'ws', 'aurora.yml'));
    assert.equal(findAuroraYaml(root, path.join(root, 'ws')), undefined, 'a start outside the bound finds nothing');
  });
});
