import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectStack } from '../../../src/generate';
import { deniedHostsMessage, fixSummary, refineSeed, stackFacts } from '../../../src/vscode/tasks/text';

describe('stackFacts', () => {
  it('names what detection found in a Node project', () => {
    const stack = detectStack({ files: { 'package.json': JSON.stringify({ name: 'shop-api', version: '1.2.0', scripts: { start: 'node server.js' }, dependencies: { pg: '^8' } }), 'pnpm-lock.yaml': '' } });
    const facts = new Map(stackFacts(stack));
    assert.equal(facts.get('language'), 'node');
    assert.equal(facts.get('name'), 'shop-api');
    assert.equal(facts.get('package manager'), 'pnpm');
    assert.equal(facts.get('lockfile'), 'pnpm-lock.yaml');
    assert.equal(facts.get('start command'), 'node server.js');
    assert.equal(facts.get('database'), 'postgres');
  });

  it('names the tool and framework of a Python project', () => {
    const facts = new Map(stackFacts(detectStack({ files: { 'requirements.txt': 'fastapi==0.115.0\n', 'main.py': 'app = FastAPI()\n' } })));
    assert.equal(facts.get('language'), 'python');
    assert.equal(facts.get('dependency tool'), 'pip');
    assert.equal(facts.get('framework'), 'fastapi');
  });
});

describe('refineSeed', () => {
  it('lists the facts and every file in a fence its content cannot close', () => {
    const seed = refineSeed('CI pipeline', 'services/api', [['language', 'go']], [
      { path: 'README.md', text: 'use ```sh blocks```\n' },
      { path: 'Dockerfile', text: 'FROM golang:1.23\n' },
    ]);
    assert.match(seed, /^Review and refine the CI pipeline Aurora generated for the project in services\/api\./);
    assert.match(seed, /^- language: go$/m);
    assert.match(seed, /^README\.md:\n````\nuse ```sh blocks```\n````$/m);
    assert.match(seed, /^Dockerfile:\n```\nFROM golang:1\.23\n```$/m);
  });

  it('cuts very large files', () => {
    const seed = refineSeed('Terraform skeleton', '', [], [{ path: 'main.tf', text: 'x'.repeat(20_000) }]);
    assert.match(seed, /the workspace root/);
    assert.ok(seed.length < 13_000, `seed length ${seed.length}`);
    assert.match(seed, /cut; read the file for the rest/);
  });
});

describe('summaries', () => {
  it('counts fixes and files, and says when overlapping fixes wait for a second run', () => {
    assert.equal(fixSummary(0, 0, 0), 'No safe fix to apply.');
    assert.equal(fixSummary(1, 1, 0), '1 fix in 1 file');
    assert.equal(fixSummary(5, 2, 1), '5 fixes in 2 files; 1 more overlaps these: run the command again after applying');
  });

  it('names the hosts to allow and where', () => {
    assert.equal(
      deniedHostsMessage(['registry-1.docker.io'], 'aurora.yaml'),
      'Aurora: pinning needs network access to registry-1.docker.io: add it to agents.devops.permissions.network in aurora.yaml.',
    );
    assert.match(deniedHostsMessage(['a.example', 'b.example'], undefined), /a\.example, b\.example: add them .* in a new aurora\.yaml at the folder root\.$/);
  });
});
