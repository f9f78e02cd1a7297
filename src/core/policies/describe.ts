import { MODULES } from './modules';
import { checkedOnPulumi } from './pulumi';
import type { Condition, Policy, Reference, Scalar, StandardId } from './types';

function lit(v: Scalar): string {
  return `\`${v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v)}\``;
}

/** A condition in words, for docs pages. */
export function describeCondition(c: Condition): string {
  if ('all' in c) {
    return c.all.map((x) => ('any' in x ? `(${describeCondition(x)})` : describeCondition(x))).join(' and ');
  }
  if ('any' in c) {
    return c.any.map((x) => ('all' in x ? `(${describeCondition(x)})` : describeCondition(x))).join(' or ');
  }
  if ('not' in c) {
    return `not (${describeCondition(c.not)})`;
  }
  const p = c.flag === undefined ? `\`${c.path}\`` : `flag \`${c.flag}\` in \`${c.path}\``;
  if ('absent' in c) {
    return `${p} is not set`;
  }
  if ('present' in c) {
    return `${p} is set`;
  }
  if ('blank' in c) {
    return `${p} is not set or empty`;
  }
  if ('equals' in c) {
    return `${p} is ${lit(c.equals)}`;
  }
  if ('in' in c) {
    return `${p} is one of ${c.in.map(lit).join(', ')}`;
  }
  if ('notIn' in c) {
    return `${p} is none of ${c.notIn.map(lit).join(', ')}`;
  }
  if ('matches' in c) {
    return `${p} matches \`/${c.matches}/\``;
  }
  if ('contains' in c) {
    return `${p} contains ${lit(c.contains)}`;
  }
  if ('lessThan' in c) {
    return `${p} is below ${c.lessThan}`;
  }
  if ('greaterThan' in c) {
    return `${p} is above ${c.greaterThan}`;
  }
  if ('some' in c) {
    return `a ${p} block has ${describeCondition(c.some)}`;
  }
  return `${p} references a \`${c.references.type}\`${c.references.where ? ` whose ${describeCondition(c.references.where)}` : ''}`;
}

/** The standards' names, as docs cite them. */
export const STANDARD_NAMES: Readonly<Record<StandardId, string>> = {
  'cis-aws': 'CIS AWS Foundations Benchmark v3.0',
  'aws-fsbp': 'AWS Foundational Security Best Practices',
  pss: 'Kubernetes Pod Security Standards',
  'nsa-k8s': 'NSA/CISA Kubernetes Hardening Guide',
  'cis-docker': 'CIS Docker Benchmark',
  'cis-gcp': 'CIS Google Cloud Platform Foundation Benchmark v2.0',
  'cis-azure': 'CIS Microsoft Azure Foundations Benchmark v2.0',
  'cis-k8s': 'CIS Kubernetes Benchmark',
  'owasp-docker': 'OWASP Docker Top 10',
};

/** A reference in words. */
export function describeReference(r: Reference): string {
  return `${STANDARD_NAMES[r.standard]}: ${r.control}`;
}

function subjectText(p: Policy): string {
  const s = p.subject;
  if ('resources' in s) {
    return s.resources.map((r) => `\`${r}\``).join(', ');
  }
  if ('module' in s) {
    return `\`module\` blocks whose source is \`${s.module}\``;
  }
  if ('kinds' in s) {
    return `${s.kinds.map((k) => `\`${k}\``).join(', ')} objects`;
  }
  if ('services' in s) {
    return 'every Compose service (merge keys and `extends:` of the same file resolved)';
  }
  return 'pods' in s ? 'every pod spec (Pods, workload templates, CronJobs, Knative and Argo Rollouts)' : 'every container (init and ephemeral ones too) of every pod spec';
}

/** The What section of a policy's page: its subject and condition in words. */
export function describePolicy(p: Policy): string {
  const lines = [`Reports ${subjectText(p)} where ${describeCondition(p.when)}${p.where ? `, when ${describeCondition(p.where)}` : ''}. A value not known statically (a variable without default, a computed attribute) is never reported.`];
  const s = p.subject;
  if ('resources' in s) {
    const mods = MODULES.filter((m) => m.resources.some((r) => s.resources.includes(r))).map((m) => `\`${m.source}\``);
    if (mods.length > 0) {
      lines.push(`Also checked on the inputs of ${mods.join(', ')} (each input mapped to the attribute it sets; an input whose default is not known is never reported).`);
    }
  }
  if ('resources' in s && checkedOnPulumi(s.resources)) {
    lines.push('Also checked on Pulumi YAML programs (`Pulumi.yaml` with `runtime: yaml`, `Main.yaml`): on the resources whose type token is bridged from these Terraform types, properties read by their lowerCamelCase names; a value computed when the program runs (`${…}`, `fn::`) is never reported.');
  }
  lines.push('This rule is a declarative policy (src/core/policies); its page is generated from it.');
  return lines.join(' ');
}
