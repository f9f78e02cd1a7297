import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { POLICIES } from '../../../src/core/policies';
import { describeLimits } from '../../../src/core/policies/limits';
import type { Policy } from '../../../src/core/policies/types';

/** A policy of this shape with only what the limits read filled in. */
function policy(p: Pick<Policy, 'id' | 'subject' | 'when'> & Partial<Policy>): Policy {
  return { title: 'A title', description: 'A description long enough.', severity: 'warning', message: 'm', remedy: 'r', ...p };
}

function text(p: Policy): string {
  return describeLimits(p).join('\n');
}

describe('policy Known limits', () => {
  it('says a missing attribute is reported, and as what, when the condition reads absence as a value', () => {
    const t = text(policy({ id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_thing'] }, when: { any: [{ path: 'rotation', absent: true }, { path: 'rotation', equals: false }] } }));
    assert.match(t, /A resource that does not write `rotation` is reported, reading a missing `rotation` as `false`/);
  });

  it('says a missing attribute is not reported when only a written value matches', () => {
    const t = text(policy({ id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_thing'] }, when: { path: 'upgrades', equals: false } }));
    assert.match(t, /when `upgrades` is not written, the provider's default applies and nothing is reported/);
    assert.doesNotMatch(t, /is reported, reading/);
  });

  it('tells a file rule (one with a fix) from a folder rule by where values are resolved', () => {
    const base = { id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_thing'] }, when: { path: 'a', equals: true } } as const;
    assert.match(text(policy({ ...base, fix: { path: 'a', value: false, safe: true } })), /each `\.tf` file alone/);
    assert.match(text(policy(base)), /the `\.tf` files of the folder, read as one module/);
  });

  it('names the mapped module inputs and the Pulumi tokens of the resource types', () => {
    const t = text(policy({ id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_db_instance'] }, when: { path: 'storage_encrypted', equals: false } }));
    assert.match(t, /`terraform-aws-modules\/rds\/aws`.*`storage_encrypted` from input `storage_encrypted`.*`storage_encrypted` = `true`/);
    assert.match(t, /`aws:rds\/instance:Instance`/);
  });

  it('describes dynamic blocks only for nested paths', () => {
    const nested = text(policy({ id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_thing'] }, when: { path: 'config.mode', equals: 'off' } }));
    const flat = text(policy({ id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_thing'] }, when: { path: 'mode', equals: 'off' } }));
    assert.match(nested, /`config` is read in nested blocks, static and `dynamic` ones/);
    assert.doesNotMatch(flat, /dynamic/);
  });

  it('says flags in a configuration file are not seen, and what that means for an absence test', () => {
    const unset = { all: [{ path: 'command', flag: '--tls-cert', absent: true as const }, { path: 'args', flag: '--tls-cert', absent: true as const }] };
    const t = text(policy({ id: 'kubernetes/x', subject: { kind: 'kubernetes', containers: true }, where: { path: 'command', matches: '(?:^|/)etcd$' }, when: unset }));
    assert.match(t, /`--tls-cert` is read only from the container's `command` and `args`/);
    assert.match(t, /configuration file the binary loads.*reads as not given, which this rule reports/);
    assert.match(t, /whose `command` list has an item matching `\/\(\?:\^\|\/\)etcd\$\/`: .* written as one string is not judged/);
  });

  it('skips fragments only for Kubernetes policies that can hold through absence', () => {
    const absent = text(policy({ id: 'kubernetes/x', subject: { kind: 'kubernetes', containers: true }, when: { path: 'securityContext.x', absent: true } }));
    const value = text(policy({ id: 'kubernetes/x', subject: { kind: 'kubernetes', containers: true }, when: { path: 'securityContext.x', equals: true } }));
    assert.match(absent, /Fragments are skipped/);
    assert.doesNotMatch(value, /Fragments are skipped/);
  });

  it('says that override files and partly defined services are not judged on what they do not write', () => {
    const t = text(policy({ id: 'compose/x', subject: { kind: 'compose', services: true }, when: { path: 'cap_drop', absent: true } }));
    assert.match(t, /not in an override file .* where a key not written is unknown/);
    assert.match(t, /`\$\{VAR\}` interpolation is not substituted/);
  });

  it("appends the policy's own limits after the derived ones", () => {
    const own = 'A specific of this setting.';
    const lines = describeLimits(policy({ id: 'terraform/x', subject: { kind: 'terraform', resources: ['aws_thing'] }, when: { path: 'a', equals: true }, limits: [own] }));
    assert.equal(lines[lines.length - 1], own);
  });

  it('gives every built-in policy at least two limits, each one sentence or more', () => {
    for (const p of POLICIES) {
      const lines = describeLimits(p);
      assert.ok(lines.length >= 2, `${p.id} has ${lines.length} limits`);
      for (const l of lines) {
        assert.match(l, /[.:)]$/, `${p.id}: '${l}' should end as a sentence`);
      }
    }
  });
});
