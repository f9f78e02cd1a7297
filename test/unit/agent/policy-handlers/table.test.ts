import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAMILIES, handlerFor } from '../../../../src/agent/policy/handlers';
import { embeddedCommand } from '../../../../src/agent/policy/handlers/interpreters';

describe('policy handler table', () => {
  it('sends each program to its family', () => {
    const expected: Record<string, string> = {
      git: 'git',
      kubectl: 'kubectl',
      oc: 'kubectl',
      helm: 'helm',
      terraform: 'terraform',
      tofu: 'terraform',
      terragrunt: 'terraform',
      pulumi: 'terraform',
      docker: 'docker',
      podman: 'docker',
      nerdctl: 'docker',
      aws: 'cloud',
      gcloud: 'cloud',
      az: 'cloud',
      pip3: 'packages',
      pnpm: 'packages',
      rm: 'files',
      sed: 'files',
      'mkfs.ext4': 'files',
      find: 'files',
      curl: 'network',
      wget2: 'network',
      ssh: 'network',
      scp: 'network',
      dig: 'network',
      socat: 'network',
      bash: 'interpreters',
      fish: 'interpreters',
      'python3.12': 'interpreters',
      node: 'interpreters',
      gawk: 'interpreters',
      perl: 'interpreters',
      sudo: 'wrappers',
      env: 'wrappers',
      xargs: 'wrappers',
      flock: 'wrappers',
      torsocks: 'wrappers',
      cd: 'builtins',
      eval: 'builtins',
      '.': 'builtins',
      crontab: 'builtins',
    };
    for (const [tool, family] of Object.entries(expected)) {
      assert.equal(handlerFor(tool)?.family, family, tool);
    }
  });

  it('reads unknown programs for embedded commands, and text printers not at all', () => {
    assert.equal(handlerFor('make')?.handle, embeddedCommand);
    assert.equal(handlerFor('echo'), undefined);
    assert.equal(handlerFor('jq'), undefined);
    // names of Object.prototype are programs like any other
    assert.equal(handlerFor('constructor')?.handle, embeddedCommand);
    assert.equal(handlerFor('__proto__')?.handle, embeddedCommand);
  });

  it('claims every name in one family only, with a description for each pattern', () => {
    const names = FAMILIES.flatMap((f) => Object.keys(f.handlers));
    assert.equal(new Set(names).size, names.length);
    for (const f of FAMILIES) {
      for (const p of f.patterns) {
        assert.ok(p.what.length > 0, f.family);
      }
    }
  });
});
