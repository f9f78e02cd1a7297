import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for EXPOSE 22. */
export function message(): string {
  return 'Port 22 (SSH) is exposed: running sshd in a container adds keys to manage and an attack surface; use docker exec / kubectl exec for access';
}

function coversPort22(value: string): boolean {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(value);
  if (!m || (m[3] && m[3].toLowerCase() !== 'tcp')) {
    return false;
  }
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start <= 22 && 22 <= end;
}

/** Containers should not expose SSH. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/expose-ssh-port',
  meta: {
    title: 'SSH port exposed',
    description: 'An SSH server in a container is a second way in that needs its own keys, updates and monitoring. Containers are reached with docker exec or kubectl exec instead.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_DOCKER_1' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'EXPOSE') {
        continue;
      }
      for (const arg of instruction.getArguments()) {
        if (coversPort22(arg.getValue())) {
          ctx.report({ range: arg.getRange(), message: message() });
        }
      }
    }
  },
};
