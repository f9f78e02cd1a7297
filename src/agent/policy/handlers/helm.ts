import { CONFIG_FILE_ENV, configFile, deny, hostArg } from '../session';
import type { Session } from '../session';
import { has, optionSet, parseOptions, values } from '../words';
import type { HandlerTable, Invocation } from './types';

/** helm: chart repositories it contacts, a kubeconfig in the workspace, post-renderers (programs), uninstall. */

const HELM_OPTS = optionSet('--kube-apiserver --kube-context --kubeconfig -n --namespace --repo --version -f --values --set --set-string --set-file --username --password --ca-file --cert-file --key-file -o --output --timeout --post-renderer');

export function helm(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, HELM_OPTS);
  for (const k of values(p, '--kubeconfig')) {
    configFile(s, 'helm --kubeconfig', k, CONFIG_FILE_ENV.KUBECONFIG);
  }
  const sub = p.positionals[0]?.value;
  if (sub === 'uninstall' || sub === 'delete' || sub === 'del' || sub === 'un') {
    s.facts.destructive.add('helm uninstall removes a release');
  }
  if (sub === 'repo' && p.positionals[1]?.value === 'add') {
    const url = p.positionals[3];
    if (url) {
      hostArg(s, url, 'helm repo add');
    }
  }
  for (const r of values(p, '--repo')) {
    hostArg(s, r, 'helm --repo');
  }
  if (has(p, '--post-renderer')) {
    deny(s, 'helm --post-renderer runs a program on the rendered manifests');
  }
}

export const HELM: HandlerTable = { helm };
