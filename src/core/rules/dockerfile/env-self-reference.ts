import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for an ENV variable that uses another one set in the same instruction. */
export function message(name: string, used: string): string {
  return `${name} uses $${used}, which is set by this same ENV: Docker expands it with the value from before this line, not the new one. Set ${used} in an ENV of its own first`;
}

/** ENV A=x B=$A: B does not see the new A. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/env-self-reference',
  meta: {
    title: 'ENV using a variable set by the same ENV',
    description: 'Docker substitutes the variables of a whole ENV instruction at once, with the values from before it: in ENV A=1 B=$A, B is empty (or A\'s earlier value), not 1.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3044' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'ENV') {
        continue;
      }
      const props = (instruction as PropertyInstruction).getProperties();
      const set: string[] = [];
      for (const prop of props) {
        const name = prop.getName();
        const valueRange = prop.getValueRange();
        const raw = valueRange ? ctx.text.slice(ctx.index.offsetAt(valueRange.start), ctx.index.offsetAt(valueRange.end)) : '';
        // single-quoted text and escaped dollars are not expanded
        const expanded = raw.replace(/'[^']*'/g, '').replace(/\\\$/g, '');
        const used = set.find((s) => new RegExp(`\\$(\\{${s}([:}]|$)|${s}(?![A-Za-z0-9_]))`).test(expanded));
        if (used && used !== name) {
          ctx.report({ range: prop.getRange(), message: message(name, used) });
        }
        set.push(name);
      }
    }
  },
};
