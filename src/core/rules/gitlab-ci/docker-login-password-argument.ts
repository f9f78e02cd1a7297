import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import type { CommandRun } from '../../shell';
import { pipelines, reportOnce } from './model';
import { scriptItemsOf } from './scripts';

/** The message for a registry password on the command line. */
export function message(owner: string, tool: string): string {
  return `${owner} passes the registry password to '${tool}' on the command line: it shows in the process list of the runner, in shell traces (set -x, CI_DEBUG_TRACE) and in the tool's own warning. Pipe it in: echo "$PASSWORD" | ${tool} -u … --password-stdin`;
}

/** The login subcommand of registry clients, as the words after the program. */
function loginTool(c: CommandRun): string | undefined {
  const words = c.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
  if (['docker', 'podman', 'buildah', 'nerdctl', 'skopeo', 'oras', 'crane', 'cosign'].includes(c.name) && words[0] === 'login') {
    return `${c.name} login`;
  }
  if (c.name === 'helm' && words[0] === 'registry' && words[1] === 'login') {
    return 'helm registry login';
  }
  return undefined;
}

/** Registry logins must read the password from standard input. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/docker-login-password-argument',
  meta: {
    title: 'Registry password on the command line',
    description: '`docker login -p "$PASSWORD"` (and the same for podman, helm registry, skopeo, oras…) puts the password in the process arguments, where other processes on the runner and shell traces can read it.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const item of scriptItemsOf(ctx.model, pipeline)) {
        for (const c of item.effects.commands) {
          const tool = loginTool(c);
          if (!tool) {
            continue;
          }
          const flag = c.args.find((a) => a.value === '-p' || a.value === '--password' || a.value.startsWith('--password=') || (tool !== 'cosign login' && /^-p./.test(a.value)));
          if (flag) {
            const value = flag.value.includes('=') || flag.value.length > 2 && !flag.value.startsWith('--') ? flag : (c.args[c.args.indexOf(flag) + 1] ?? flag);
            report({ range: item.range(flag.start, value.end), message: message(item.owner, tool) });
          }
        }
      }
    }
  },
};
