import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isSeq, rangeOf } from '../../parsers/yaml';
import { describeContainer, get, getPair } from '../../parsers/kubernetes';
import { eq, forEachContainer, hardeningReport, setIn, strings } from './util';

/** The message for a container that keeps the default capabilities. */
export function message(container: string): string {
  return `The ${container} keeps the runtime's default capabilities (NET_RAW, CHOWN, SETUID…): add securityContext.capabilities.drop: [ALL] and add back only what it needs`;
}

/** Every container drops ALL capabilities. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/capabilities-not-dropped',
  meta: {
    title: 'Capabilities are not dropped',
    description: 'Container runtimes grant a default set of Linux capabilities, including NET_RAW (packet spoofing) and SETUID. Dropping ALL and adding back the few a process needs removes that attack surface.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('checkov', 'CKV_K8S_37'), eq('checkov', 'CKV_K8S_28'), eq('kube-linter', 'drop-net-raw-capability')],
  },
  check(ctx) {
    const report = hardeningReport(ctx);
    forEachContainer(ctx.model, (r, pod, c) => {
      if (c.group === 'ephemeralContainers' || pod.windows) {
        return;
      }
      const caps = get(get(c.node, 'securityContext', r.doc), 'capabilities', r.doc);
      const dropPair = getPair(caps, 'drop', r.doc);
      const drop = strings(get(caps, 'drop', r.doc), r.doc);
      if (drop.some((d) => d.toUpperCase() === 'ALL') || (!dropPair && c.image === undefined)) {
        return;
      }
      const dropNode = get(caps, 'drop', r.doc);
      let edits = dropPair ? undefined : setIn(ctx.model, c.node, ['securityContext', 'capabilities', 'drop'], '[ALL]', r.doc);
      if (dropPair && isSeq(dropNode) && dropNode.flow && dropNode.items.length > 0) {
        // add ALL in front of an inline list: `[NET_RAW]` becomes `[ALL, NET_RAW]`
        const first = dropNode.items[0] as { range?: [number, number, number] };
        if (first.range) {
          const at = ctx.model.index.positionAt(first.range[0]);
          edits = [{ range: { start: at, end: at }, newText: 'ALL, ' }];
        }
      }
      report(r, {
        range: dropPair ? rangeOf(ctx.model, dropPair.key) : c.header,
        message: message(describeContainer(c)),
        fix: edits ? { title: 'Drop ALL capabilities', safe: false, edits } : undefined,
      });
    });
  },
};
