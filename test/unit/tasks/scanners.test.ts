import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findScanner, imagesIn, isScannableImage, scanCommand } from '../../../src/vscode/tasks/scanners';

describe('imagesIn', () => {
  it('puts the final stage first in a multi-stage Dockerfile and leaves out stage names', () => {
    const text = 'FROM node:22-bookworm AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY --from=build /app /app\n';
    assert.deepEqual(imagesIn('/w/Dockerfile', text), ['gcr.io/distroless/nodejs22-debian12:nonroot', 'node:22-bookworm']);
  });

  it('keeps the order of a Dockerfile whose last FROM is a stage', () => {
    const text = 'FROM golang:1.23 AS build\nFROM build AS test\n';
    assert.deepEqual(imagesIn('/w/Dockerfile', text), ['golang:1.23']);
  });

  it('lists every image of a Compose file once, without variables', () => {
    const text = 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n  worker:\n    image: ghcr.io/acme/api:1.4.2\n  db:\n    image: postgres:16.6-alpine\n  x:\n    image: ${IMAGE}\n';
    assert.deepEqual(imagesIn('/w/compose.yaml', text), ['ghcr.io/acme/api:1.4.2', 'postgres:16.6-alpine']);
  });

  it('finds Kubernetes container images, digest-pinned ones included', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27@${digest}\n`;
    assert.deepEqual(imagesIn('/w/k8s/pod.yaml', text), [`nginx:1.27@${digest}`]);
  });

  it('finds nothing in a file that names no image', () => {
    assert.deepEqual(imagesIn('/w/main.tf', 'resource "x" "y" {}\n'), []);
  });
});

describe('isScannableImage and scanCommand', () => {
  it('accepts plain references and refuses shell syntax or options', () => {
    assert.equal(isScannableImage('registry.example.com:5000/team/app:1.0'), true);
    for (const bad of ['app;rm -rf /', '$(id)', '-v', 'a b', 'app`x`', '../x']) {
      assert.equal(isScannableImage(bad), false, bad);
    }
  });

  it('builds a command that fails on HIGH and CRITICAL findings for each scanner', () => {
    assert.equal(scanCommand('trivy', 'nginx:1.27'), 'trivy image --severity HIGH,CRITICAL --exit-code 1 nginx:1.27');
    assert.equal(scanCommand('grype', 'nginx:1.27'), 'grype nginx:1.27 --fail-on high');
    assert.equal(scanCommand('docker', 'nginx:1.27'), 'docker scout cves --only-severity critical,high --exit-code nginx:1.27');
    assert.throws(() => scanCommand('trivy', 'nginx;id'), /not an image reference/);
  });
});

describe('findScanner', () => {
  let dir = '';
  let other = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-scan-'));
    other = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-scan-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(other, { recursive: true, force: true });
  });

  const tool = (folder: string, name: string, mode: number): void => {
    fs.writeFileSync(path.join(folder, name), '#!/bin/sh\n', { mode });
  };

  it('finds none on an empty or relative PATH', () => {
    assert.equal(findScanner(undefined, 'linux'), undefined);
    assert.equal(findScanner(['', 'relative/bin', dir].join(path.delimiter), 'linux'), undefined);
  });

  it('ignores files that are not executable, then prefers trivy over grype over docker', { skip: process.platform === 'win32' }, () => {
    tool(dir, 'trivy', 0o644);
    tool(other, 'docker', 0o755);
    assert.deepEqual(findScanner([dir, other].join(path.delimiter), 'linux'), { name: 'docker', executable: path.join(other, 'docker') });
    tool(dir, 'grype', 0o755);
    assert.equal(findScanner([dir, other].join(path.delimiter), 'linux')?.name, 'grype');
    fs.chmodSync(path.join(dir, 'trivy'), 0o755);
    assert.deepEqual(findScanner([other, dir].join(path.delimiter), 'linux'), { name: 'trivy', executable: path.join(dir, 'trivy') });
  });

  it('uses PATHEXT on Windows', () => {
    const win = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-scan-'));
    try {
      tool(win, 'grype.EXE', 0o644);
      assert.equal(findScanner(win, 'win32', '.COM;.EXE')?.executable, path.join(win, 'grype.EXE'));
    } finally {
      fs.rmSync(win, { recursive: true, force: true });
    }
  });
});
