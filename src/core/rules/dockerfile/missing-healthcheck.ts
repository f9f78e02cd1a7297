import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { isScratch, parseImageRef } from '../shared/image';

/** The message for a service image without HEALTHCHECK. */
export function message(): string {
  return 'This image serves a port but has no HEALTHCHECK: Docker and Compose cannot tell a hung service from a healthy one. Add HEALTHCHECK CMD … (or HEALTHCHECK NONE to say it is deliberate)';
}

/** Images without a shell or tools, where a HEALTHCHECK would need support built into the binary. */
function minimalBase(image: string): boolean {
  if (isScratch(image)) {
    return true;
  }
  const ref = parseImageRef(image);
  const path = `${ref.registry ?? ''}/${ref.repository}`;
  return /distroless/.test(path) || /^cgr\.dev\/chainguard\/(static|glibc-dynamic)$/.test(path);
}

/** Service images should declare how to check their health. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/missing-healthcheck',
  meta: {
    title: 'No HEALTHCHECK in a service image',
    description: 'Reported for the final stage when it EXPOSEs a port (it is a service) and declares no HEALTHCHECK. Images that expose nothing (jobs, CLIs, base images) and scratch or distroless images are not reported.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_DOCKER_2' }],
  },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final) {
      return;
    }
    const chain = ctx.model.stageChain(final);
    const keywords = new Set(chain.flatMap((s) => s.instructions.map((i) => i.getKeyword())));
    const root = chain[chain.length - 1];
    if (keywords.has('HEALTHCHECK') || !keywords.has('EXPOSE') || minimalBase(root.image) || parseImageRef(root.image).dynamic) {
      return;
    }
    ctx.report({ range: final.from.getImageRange() ?? final.from.getRange(), message: message() });
  },
};
