import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for FROM with a literal --platform. */
export function message(platform: string): string {
  return `FROM --platform=${platform} forces this stage to ${platform} on every machine: elsewhere it runs emulated (slow, sometimes crashing) and a multi-platform build gets the wrong architecture. Use $BUILDPLATFORM for build stages, $TARGETPLATFORM (or nothing) for the image`;
}

/** FROM --platform with a fixed value (an opinion, at info). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/from-fixed-platform',
  meta: {
    title: 'FROM with a fixed --platform',
    description: 'A literal --platform on FROM pins the stage to one architecture whatever the build asks for. The predefined $BUILDPLATFORM and $TARGETPLATFORM keep cross-compilation and multi-platform builds right.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3029' }],
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || !value || value.includes('$')) {
        continue;
      }
      ctx.report({ range: flag.getRange(), message: message(value) });
    }
  },
};
