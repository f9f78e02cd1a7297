import { deny } from '../session';
import type { Session } from '../session';
import { has, optionSet, parseOptions } from '../words';
import type { HandlerTable, Invocation } from './types';

/** Cloud CLIs (aws, gcloud, az): shells on servers (ssm start-session, ssh, scp) and deletions. */

const AWS_OPTS = optionSet('--endpoint-url --region --profile --output --query --cli-input-json --cli-input-yaml --color --ca-bundle --cli-read-timeout --cli-connect-timeout');

export function aws(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, AWS_OPTS);
  const [service, op] = p.positionals.map((w) => w.value);
  if (service === 'ssm' && op === 'start-session') {
    deny(s, 'aws ssm start-session opens a shell on a server; Aurora follows immutable infrastructure');
  }
  if ((service === 's3' && (op === 'rb' || (op === 'rm' && has(p, '--recursive')))) || (op !== undefined && (/^(delete|terminate|deregister|remove)-/.test(op) || op === 'rb'))) {
    s.facts.destructive.add(`aws ${service} ${op} deletes cloud resources`);
  }
}

/** gcloud and az: `… ssh`, `gcloud … scp`, `… delete`. */
export function cloudCli(inv: Invocation, s: Session): void {
  const { tool, args } = inv;
  const words = args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
  if (words.includes('ssh') || (tool === 'gcloud' && words.includes('scp'))) {
    deny(s, `${tool} ssh logs into a server by hand; Aurora follows immutable infrastructure: change the code and re-apply`);
  }
  if (words.includes('delete')) {
    s.facts.destructive.add(`${tool} … delete removes cloud resources`);
  }
}

export const CLOUD: HandlerTable = { aws, gcloud: cloudCli, az: cloudCli };
