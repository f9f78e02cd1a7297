import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/table';
import { validatePolicy } from '../../../src/core/policies/validate';
import { describeCondition } from '../../../src/core/policies/describe';
import { y } from '../rules/kubernetes/manifests';

/** A static pod running `binary` with these arguments in `command` (line 9 is the first argument). */
function staticPod(binary: string, ...args: string[]): string {
  return y(
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: cp, namespace: kube-system}',
    'spec:',
    '  containers:',
    `    - name: ${binary}`,
    `      image: registry.k8s.io/${binary}:v1.30.2`,
    '      command:',
    `        - ${binary}`,
    ...args.map((a) => `        - ${a}`),
  );
}

// the flag forms Go's flag packages read: --f=v, --f v, -f=v, a bare --f (true); the last one wins
ruleTable('kubernetes/apiserver-insecure-port', [
  { what: '--flag=value', input: staticPod('kube-apiserver', '--insecure-port=8080'), want: [10] },
  { what: '--flag value (two arguments)', input: staticPod('kube-apiserver', '--insecure-port', '"8080"'), want: [10] },
  { what: 'single dash', input: staticPod('kube-apiserver', '-insecure-port=8080'), want: [10] },
  { what: 'set to 0', input: staticPod('kube-apiserver', '--insecure-port=0'), want: [] },
  { what: 'the last of two wins', input: staticPod('kube-apiserver', '--insecure-port=8080', '--insecure-port=0'), want: [] },
  { what: 'a flag with a longer name is another flag', input: staticPod('kube-apiserver', '--insecure-port-x=8080'), want: [] },
  { what: 'flags in args', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: cp}', 'spec:', '  containers:', '    - name: api', '      image: registry.k8s.io/kube-apiserver:v1.30.2', '      command: [kube-apiserver]', '      args: ["--insecure-port=8080"]'), want: [9] },
  { what: 'another program with the same flag', input: staticPod('my-proxy', '--insecure-port=8080'), want: [] },
  { what: 'a path to the binary', input: staticPod('/usr/local/bin/kube-apiserver', '--insecure-port=8080'), want: [10] },
  { what: 'a shell command line is not read', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: cp}', 'spec:', '  containers:', '    - name: api', '      image: registry.k8s.io/kube-apiserver:v1.30.2', '      command: ["kube-apiserver"]', '      args: ["sh", "-c", "kube-apiserver --insecure-port=8080"]'), want: [] },
]);

ruleTable('kubernetes/apiserver-profiling', [
  { what: 'absent: on by default', input: staticPod('kube-apiserver', '--secure-port=6443'), want: [8] },
  { what: 'a bare flag reads as true', input: staticPod('kube-apiserver', '--profiling'), want: [10] },
  { what: 'false', input: staticPod('kube-apiserver', '--profiling=false'), want: [] },
  { what: 'false in args', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: cp}', 'spec:', '  containers:', '    - name: api', '      image: registry.k8s.io/kube-apiserver:v1.30.2', '      command: [kube-apiserver]', '      args: [--profiling=false]'), want: [] },
  { what: 'a patch without command is not a finding', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: cp}', 'spec:', '  containers:', '    - name: api', '      image: registry.k8s.io/kube-apiserver:v1.30.2'), want: [] },
]);

ruleTable('kubernetes/apiserver-always-allow', [
  { what: 'in a list of modes', input: staticPod('kube-apiserver', '--authorization-mode=Node,AlwaysAllow'), want: [10] },
  { what: 'default without the flag', input: staticPod('kube-apiserver', '--secure-port=6443'), want: [8] },
  { what: 'structured authorization config instead', input: staticPod('kube-apiserver', '--authorization-config=/etc/kubernetes/authz.yaml'), want: [] },
  { what: 'a mode whose name contains it is another mode', input: staticPod('kube-apiserver', '--authorization-mode=Node,RBAC,AlwaysAllowed'), want: [] },
]);

ruleTable('kubernetes/etcd-no-peer-tls', [
  { what: 'a single member has no peers', input: staticPod('etcd', '--initial-cluster=cp-1=http://10.0.0.10:2380', '--cert-file=/pki/server.crt'), want: [] },
]);

describe('flag conditions', () => {
  it('are accepted in user policies and described in docs', () => {
    const policy = { id: 'kubernetes/team-flag', subject: { containers: true }, title: 't', severity: 'info', when: { path: 'command', flag: '--profiling', notIn: ['false'] }, message: 'm' };
    assert.deepEqual(validatePolicy(policy, new Set()).problems, []);
    assert.equal(describeCondition({ path: 'command', flag: '--profiling', notIn: ['false'] }), 'flag `--profiling` in `command` is none of `"false"`');
  });
  it('explain a malformed flag and refuse references', () => {
    const bad = { id: 'kubernetes/team-flag', subject: { containers: true }, title: 't', severity: 'info', when: { path: 'command', flag: 'profiling', equals: 'x' }, message: 'm' };
    assert.deepEqual(validatePolicy(bad, new Set()).problems.map((p) => p.message), ['flag takes a command-line flag such as --anonymous-auth']);
    const refs = { id: 'terraform/team-flag', subject: { resources: ['aws_instance'] }, title: 't', severity: 'info', when: { path: 'user_data', flag: '--x', references: { type: 'aws_s3_bucket' } }, message: 'm' };
    assert.deepEqual(validatePolicy(refs, new Set()).problems.map((p) => p.message), ['references does not apply to a flag']);
  });
});
