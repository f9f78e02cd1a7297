import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for an EXPOSE argument Docker rejects or misreads. */
export function message(value: string, problem: 'range' | 'format' | 'protocol' | 'mapping' | 'order'): string {
  switch (problem) {
    case 'range':
      return `EXPOSE ${value}: ports go from 1 to 65535`;
    case 'protocol':
      return `EXPOSE ${value}: the protocol must be tcp, udp or sctp`;
    case 'mapping':
      return `EXPOSE ${value}: EXPOSE only documents a container port; host mappings belong to docker run -p or Compose ports`;
    case 'order':
      return `EXPOSE ${value}: the range ends before it starts`;
    default:
      return `EXPOSE ${value} is not a port: write a number, a range (8000-8010) and optionally /tcp, /udp or /sctp`;
  }
}

function problemOf(value: string): 'range' | 'format' | 'protocol' | 'mapping' | 'order' | undefined {
  const [ports, protocol, ...extra] = value.split('/');
  if (extra.length > 0) {
    return 'format';
  }
  if (protocol !== undefined && !/^(tcp|udp|sctp)$/i.test(protocol)) {
    return 'protocol';
  }
  if (/^\d+:\d+$/.test(ports) || /^[\d.]+:\d+:\d+$/.test(ports)) {
    return 'mapping';
  }
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  if (!m) {
    return 'format';
  }
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || start > 65535 || end < 1 || end > 65535) {
    return 'range';
  }
  return end < start ? 'order' : undefined;
}

/** EXPOSE arguments must be valid ports. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/invalid-expose',
  meta: {
    title: 'Invalid EXPOSE port',
    description: 'EXPOSE takes container ports from 1 to 65535, optionally as a range and with /tcp, /udp or /sctp. Anything else fails the build or documents a port that does not exist.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3011' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'EXPOSE') {
        continue;
      }
      for (const arg of instruction.getArguments()) {
        const value = arg.getValue();
        if (value.includes('$')) {
          continue;
        }
        const problem = problemOf(value);
        if (problem) {
          ctx.report({ range: arg.getRange(), message: message(value, problem) });
        }
      }
    }
  },
};
