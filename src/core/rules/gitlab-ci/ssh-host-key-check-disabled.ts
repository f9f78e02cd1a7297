import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, rangeOf, str } from '../../parsers/yaml';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import { pipelines, reportOnce } from './model';
import { scriptItemsOf } from './scripts';

/** The message for an SSH connection that accepts any host key. */
export function message(owner: string, setting: string): string {
  return `${owner} turns SSH host key checking off (${setting}): the job then talks to whoever answers for that host, and hands it the deploy key session and the files it copies. Store the server's key in a known_hosts variable (ssh-keyscan once, checked) and keep checking on`;
}

const DISABLED = /StrictHostKeyChecking\s*[= ]\s*(no|off)\b|UserKnownHostsFile\s*[= ]\s*\/dev\/null/i;

/** SSH connections from jobs must check host keys. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/ssh-host-key-check-disabled',
  meta: {
    title: 'SSH host key checking disabled',
    description: '`-o StrictHostKeyChecking=no`, `UserKnownHostsFile=/dev/null` or the same in `~/.ssh/config` or `GIT_SSH_COMMAND` accept any server key, so a deploy over SSH can be intercepted on the way.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const item of scriptItemsOf(ctx.model, pipeline)) {
        for (const c of item.effects.commands) {
          for (const arg of c.args) {
            const m = DISABLED.exec(arg.value);
            if (m) {
              report({ range: item.range(arg.start, arg.end), message: message(item.owner, m[0]) });
            }
          }
          for (const a of c.assignments) {
            const m = a.value ? DISABLED.exec(a.value.value) : null;
            if (a.value && m) {
              report({ range: item.range(a.value.start, a.value.end), message: message(item.owner, m[0]) });
            }
          }
        }
      }
      for (const node of [pipeline.root, ...pipeline.jobs.map((j) => j.node)]) {
        for (const v of mergedEntries(mergedEntry(node, 'variables', pipeline.doc)?.value, pipeline.doc)) {
          const value = isMap(v.value) ? mergedEntry(v.value, 'value', pipeline.doc)?.value : v.value;
          const m = DISABLED.exec(str(value) ?? '');
          if (m) {
            report({ range: rangeOf(ctx.model, value), message: message(`Variable '${v.key}'`, m[0]) });
          }
        }
      }
    }
  },
};
