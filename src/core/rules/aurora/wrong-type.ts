import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf } from '../../parsers/yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { auroraDocs } from './config';

/** The shapes aurora.yaml values can have. */
export type Shape = 'mapping' | 'list of strings' | 'string';

/** The message for a value of the wrong shape. */
export function message(path: string, want: Shape): string {
  return `${path} must be a ${want}`;
}

function hasShape(node: unknown, want: Shape): boolean {
  if (want === 'mapping') {
    return isMap(node);
  }
  if (want === 'string') {
    return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number');
  }
  return isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string');
}

/** aurora.yaml values must have the documented shape. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/wrong-type',
  meta: {
    title: 'Value has the wrong shape',
    description: '`agents`, `agents.devops`, `permissions` and `rules` are mappings; `tools`, `filesystem`, `network` and `exclude` are lists of strings; `model` and `baseline` are strings. A value of another shape is ignored, so the agent falls back to its defaults.',
    severity: 'error',
    kind: 'aurora',
    fixable: false,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      const checks: { holder: unknown; key: string; path: string; want: Shape }[] = [
        { holder: a.root, key: 'agents', path: 'agents', want: 'mapping' },
        { holder: a.root, key: 'rules', path: 'rules', want: 'mapping' },
        { holder: a.root, key: 'baseline', path: 'baseline', want: 'string' },
        { holder: a.root, key: 'exclude', path: 'exclude', want: 'list of strings' },
        { holder: a.agents, key: 'devops', path: 'agents.devops', want: 'mapping' },
        { holder: a.devops, key: 'model', path: 'agents.devops.model', want: 'string' },
        { holder: a.devops, key: 'tools', path: 'agents.devops.tools', want: 'list of strings' },
        { holder: a.devops, key: 'permissions', path: 'agents.devops.permissions', want: 'mapping' },
        { holder: a.permissions, key: 'filesystem', path: 'agents.devops.permissions.filesystem', want: 'list of strings' },
        { holder: a.permissions, key: 'network', path: 'agents.devops.permissions.network', want: 'list of strings' },
      ];
      for (const c of checks) {
        const pair = getPair(c.holder, c.key, a.doc);
        if (!pair) {
          continue;
        }
        const value = pair.value;
        // an empty value (`rules:` with nothing under it) means "none" and is accepted
        if (isScalar(value) && value.value === null) {
          continue;
        }
        if (!hasShape(value, c.want)) {
          ctx.report({ range: rangeOf(ctx.model, value ?? pair.key), message: message(c.path, c.want) });
        }
      }
    }
  },
};
