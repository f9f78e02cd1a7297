import type { Rule, RuleMeta } from '../rule';
import type { YamlFile } from '../parsers/yaml';
import { describe, kubernetesModel } from '../parsers/kubernetes';
import { reportYamlPolicy, usesAbsence } from './yaml';
import type { Policy } from './types';

/** A Kubernetes policy as a document-scoped rule. */
export function kubernetesPolicyRule(policy: Policy, meta: RuleMeta): Rule<YamlFile> {
  const subject = policy.subject;
  const absence = usesAbsence(policy.when);
  return {
    id: policy.id,
    meta,
    scope: 'document',
    check(ctx) {
      if (subject.kind !== 'kubernetes') {
        return;
      }
      const file = ctx.model;
      const run = reportYamlPolicy(policy, ctx);
      for (const r of kubernetesModel(file).resources) {
        if ('kinds' in subject) {
          if (subject.kinds.includes(r.kind)) {
            run({ file, doc: r.doc, node: r.node, header: r.header }, r.name, r.kind);
          }
          continue;
        }
        const pod = r.pod;
        // a fragment (a patch, an overlay) lacks what the full object will have; Windows pods have no Linux settings
        if (!pod || pod.windows || (absence && pod.partial)) {
          continue;
        }
        if ('pods' in subject) {
          run({ file, doc: r.doc, node: pod.spec, header: r.header }, r.name, r.kind);
          continue;
        }
        for (const c of pod.containers) {
          run({ file, doc: r.doc, node: c.node, header: c.header }, c.name, describe(r));
        }
      }
    },
  };
}
