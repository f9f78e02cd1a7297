import type { Rule, RuleMeta } from '../rule';
import type { YamlFile } from '../parsers/yaml';
import { composeServices, judgeMissing, reportOnce, serviceAttr, serviceKeyRange } from '../rules/compose/model';
import { reportYamlPolicy } from './yaml';
import type { Policy } from './types';

/**
 * A Compose policy as a rule: each service is a subject, its first-level keys read as Compose
 * reads them (merge keys, `extends:` of a service of the same file; a service extending another
 * file's may have anything, so its keys are unknown). In an override file, or for a service this
 * file defines only partly, a key that is not written may be set by the base file: it is unknown
 * rather than absent, so only what is written is judged (as the hand-written rules do).
 */
export function composePolicyRule(policy: Policy, meta: RuleMeta): Rule<YamlFile> {
  return {
    id: policy.id,
    meta,
    check(ctx) {
      const file = ctx.model;
      // services sharing an anchored block are reported once, where it is written
      const once = reportOnce(ctx);
      const run = reportYamlPolicy(policy, { ...ctx, report: once });
      const all = composeServices(file);
      for (const service of all) {
        const complete = judgeMissing(ctx, service);
        run(
          {
            file,
            doc: service.doc,
            node: service.node,
            header: serviceKeyRange(file, service),
            first: (key) => {
              const a = serviceAttr(service, key, all);
              return a === 'unknown' ? 'unknown' : a ? { key: a.pair.key, value: a.value } : complete ? null : 'unknown';
            },
          },
          service.name,
          'service',
        );
      }
    },
  };
}
