import { CONFIG_FILE_ENV, configFile, hostArg, inContainerCommand } from '../session';
import type { Session } from '../session';
import { has, optionSet, parseOptions, values } from '../words';
import type { HandlerTable, Invocation } from './types';

/**
 * kubectl and oc: the API server (`--server`), a kubeconfig in the workspace (exec plugins), the
 * command after `--` (it runs in the cluster, so only its destinations count), and verbs that
 * delete, evict, prune or scale to zero.
 */

const KUBECTL_OPTS = optionSet('-s --server -n --namespace --context --cluster --user --kubeconfig -o --output -f --filename -l --selector -c --container --as --as-group --token --certificate-authority --client-certificate --client-key --request-timeout --field-selector --template -p --patch --type --replicas --image -i');

export function kubectl(inv: Invocation, s: Session): void {
  let args = inv.args;
  const dash = args.findIndex((a) => a.value === '--' && !a.dynamic);
  if (dash >= 0) {
    // kubectl exec/run/debug … -- CMD: the command runs in the cluster
    inContainerCommand(s, args.slice(dash + 1));
    args = args.slice(0, dash);
  }
  const p = parseOptions(args, KUBECTL_OPTS);
  for (const server of values(p, '-s', '--server')) {
    hostArg(s, server, 'kubectl --server');
  }
  for (const k of values(p, '--kubeconfig')) {
    configFile(s, 'kubectl --kubeconfig', k, CONFIG_FILE_ENV.KUBECONFIG);
  }
  const sub = p.positionals[0]?.value;
  if (sub === 'delete' || sub === 'drain') {
    s.facts.destructive.add(`kubectl ${sub} removes workloads or evicts pods`);
  }
  if ((sub === 'replace' && has(p, '--force')) || (sub === 'apply' && has(p, '--prune'))) {
    s.facts.destructive.add(`kubectl ${sub} ${sub === 'replace' ? '--force' : '--prune'} deletes resources`);
  }
  if (sub === 'scale' && values(p, '--replicas').some((v) => v.value === '0')) {
    s.facts.destructive.add('kubectl scale --replicas=0 stops the workload');
  }
}

export const KUBECTL: HandlerTable = { kubectl, oc: kubectl };
