import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, isMap, isScalar, isSeq, mapEntries, rangeOf } from '../../parsers/yaml';
import { isPlaceholderValue, isSecretName, knownSecretFormat, publicValueKind } from '../shared/secrets';

/** The message for a secret stored in plain text in a stack file. */
export function message(key: string, known?: string): string {
  const what = known ? `holds ${/^[AEIOU]/i.test(known) ? 'an' : 'a'} ${known}` : 'looks like a secret';
  // nested values of structured config are set with --path
  const path = /[.[]/.test(key.slice(key.indexOf(':') + 1)) ? '--path ' : '';
  return `Config '${key}' ${what} in plain text: run \`pulumi config set --secret ${path}'${key}' …\` so the stack file keeps only the encrypted value`;
}

/**
 * Secret-like keys of `config:` in a Pulumi stack file (`Pulumi.<stack>.yaml`) must be stored as
 * `secure:` values. Structured config is walked; the namespace (`aws:`, `myproject:`) is ignored
 * when the key name is judged.
 */
export const rule: Rule<YamlFile> = {
  id: 'pulumi/config-plaintext-secret',
  meta: {
    title: 'Plain-text secret in Pulumi stack config',
    description: 'Values set without --secret are stored in plain text in Pulumi.<stack>.yaml and committed with the repository; secure values are encrypted with the stack key.',
    severity: 'error',
    kind: 'pulumi',
    fixable: false,
  },
  check(ctx) {
    // the project file (Pulumi.yaml) declares config with defaults; stack files hold the values
    if (!/^Pulumi\.[^/]+\.ya?ml$/.test(ctx.path.replace(/\\/g, '/').replace(/^.*\//, ''))) {
      return;
    }
    const file = ctx.model;
    const visit = (key: string, name: string, node: unknown, depth: number): void => {
      if (depth > 12) {
        return;
      }
      if (isMap(node)) {
        // { secure: v1:... } is Pulumi's encrypted form
        if (get(node, 'secure') !== undefined) {
          return;
        }
        for (const e of mapEntries(node)) {
          visit(`${key}.${e.key}`, e.key, e.value, depth + 1);
        }
        return;
      }
      if (isSeq(node)) {
        node.items.forEach((item, i) => visit(`${key}[${i}]`, name, item, depth + 1));
        return;
      }
      if (!isScalar(node) || typeof node.value !== 'string') {
        return;
      }
      const value = node.value;
      const known = knownSecretFormat(value);
      if (known || (isSecretName(name) && !isPlaceholderValue(value) && publicValueKind(value) === undefined)) {
        ctx.report({ range: rangeOf(file, node), message: message(key, known) });
      }
    };
    for (const doc of file.documents) {
      for (const e of mapEntries(get(doc.contents, 'config', doc), doc)) {
        const name = e.key.includes(':') ? e.key.slice(e.key.lastIndexOf(':') + 1) : e.key;
        visit(e.key, name, e.value, 0);
      }
    }
  },
};
