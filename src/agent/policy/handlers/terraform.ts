import { normalizeHost } from '../hosts';
import { addHost } from '../session';
import type { Session } from '../session';
import type { HandlerTable, Invocation } from './types';

/**
 * Infrastructure as code: terraform, tofu and terragrunt (destroy, unreviewed applies, state
 * surgery, the host of login/logout) and pulumi (destroy).
 */

export function terraform(inv: Invocation, s: Session): void {
  const { args } = inv;
  const words = args.map((a) => a.value);
  const sub = words.find((w) => !w.startsWith('-'));
  if (sub === 'destroy' || (words.includes('run-all') && words.includes('destroy'))) {
    s.facts.destructive.add('terraform destroy deletes infrastructure');
  }
  if (sub === 'apply' && words.some((w) => /^-{1,2}(auto-approve|destroy)(=true)?$/.test(w))) {
    s.facts.destructive.add('terraform apply -auto-approve/-destroy changes infrastructure without a plan review');
  }
  if (sub === 'state' && (words.includes('rm') || words.includes('push'))) {
    s.facts.destructive.add('terraform state rm/push rewrites the state');
  }
  if (sub === 'login' || sub === 'logout') {
    const host = args.filter((a) => !a.value.startsWith('-'))[1];
    addHost(s, normalizeHost(host && !host.dynamic ? host.value : 'app.terraform.io'), `terraform ${sub}`);
  }
}

export function pulumi(inv: Invocation, s: Session): void {
  if (inv.args.some((a) => a.value === 'destroy')) {
    s.facts.destructive.add('pulumi destroy');
  }
}

export const TERRAFORM: HandlerTable = { terraform, tofu: terraform, terragrunt: terraform, pulumi };
