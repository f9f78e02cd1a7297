import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAgentConfig } from '../../../src/agent/config';

const FULL = `# aurora
agents:
  planner:
    model: other
  devops:
    model: claude-3-opus-20240229
    temperature: 0.1
    tools: [run_shell_command, read_file, write_file]
    permissions:
      filesystem: ["/k8s", "/terraform", "/.github"]
      network: ["api.aws.amazon.com", "github.com", "*.amazonaws.com"]
rules:
  dockerfile/no-latest-tag: error
`;

describe('aurora.yaml agents.devops', () => {
  it('reads a complete section and ignores other agents', () => {
    const r = parseAgentConfig(FULL);
    assert.deepEqual(r.problems, []);
    assert.equal(r.found, true);
    assert.equal(r.hasDevopsAgent, true);
    assert.deepEqual(r.config, {
      model: 'claude-3-opus-20240229',
      temperature: 0.1,
      tools: ['run_shell_command', 'read_file', 'write_file'],
      permissions: { filesystem: ['/k8s', '/terraform', '/.github'], network: ['api.aws.amazon.com', 'github.com', '*.amazonaws.com'] },
    });
  });

  it('a missing file means a read-only agent', () => {
    const r = parseAgentConfig(undefined);
    assert.equal(r.found, false);
    assert.deepEqual(r.config.tools, ['read_file']);
    assert.deepEqual(r.config.permissions, { filesystem: [], network: [] });
  });

  it('a file without agents.devops grants no tools', () => {
    const r = parseAgentConfig('rules:\n  x: off\n');
    assert.equal(r.hasDevopsAgent, false);
    assert.deepEqual(r.config.tools, []);
  });

  it('reports problems with line numbers and never throws', () => {
    const text = [
      'agents:', // 1
      '  devops:', // 2
      '    model: 42 x', // 3
      '    temperature: hot', // 4
      '    tools: [read_file, delete_cluster]', // 5
      '    colour: blue', // 6
      '    permissions:', // 7
      '      filesystem: ["/k8s", "../etc"]', // 8
      '      network: ["https://github.com/x", "*", "*.ok.com", "github.com"]', // 9
      '      disk: []', // 10
    ].join('\n');
    const r = parseAgentConfig(text);
    const lines = r.problems.map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [3, 4, 5, 6, 8, 9, 9, 10]);
    assert.deepEqual(r.config.tools, ['read_file']);
    assert.deepEqual(r.config.permissions, { filesystem: ['/k8s'], network: ['*.ok.com', 'github.com'] });
    assert.equal(r.config.model, undefined);
    assert.ok(r.problems.some((p) => /delete_cluster/.test(p.message)));
  });

  it('a file that does not parse gives one problem at its line and a read-only agent', () => {
    const r = parseAgentConfig('agents:\n  devops:\n    tools: [read_file\n');
    assert.equal(r.problems.length, 1);
    assert.ok(r.problems[0].line >= 3);
    assert.deepEqual(r.config.tools, ['read_file']);
  });

  it('rejects wrong shapes', () => {
    const r = parseAgentConfig('agents:\n  devops:\n    tools: read_file\n    permissions:\n      filesystem: /k8s\n');
    assert.deepEqual(r.problems.map((p) => p.line), [3, 5]);
    assert.deepEqual(r.config.tools, []);
  });
});
