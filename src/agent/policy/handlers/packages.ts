import { hostArg } from '../session';
import type { Session } from '../session';
import { optionSet, parseOptions, values } from '../words';
import type { Word } from '../words';
import type { HandlerTable, Invocation } from './types';

/** Package managers: the indexes and registries they download from (pip, npm, npx, yarn, pnpm). */

const PIP_OPTS = optionSet('-i --index-url --extra-index-url -f --find-links --trusted-host --proxy -r --requirement -c --constraint -t --target --prefix --root --cert --client-cert --cache-dir --src -e --editable --log --platform --python-version --implementation --abi --upgrade-strategy --progress-bar --timeout --retries --exists-action --global-option --config-settings');
const NPM_OPTS = optionSet('--registry --proxy --https-proxy --prefix -w --workspace --tag --access --otp --userconfig --cache --loglevel');

/** pip's arguments (also after `python -m pip`). */
export function pipArgs(args: readonly Word[], s: Session): void {
  const p = parseOptions(args, PIP_OPTS);
  for (const v of values(p, '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host')) {
    if (v.value.includes('://') || !v.value.startsWith('.') && !v.value.startsWith('/')) {
      hostArg(s, v, 'pip index');
    }
  }
}

export function pip(inv: Invocation, s: Session): void {
  pipArgs(inv.args, s);
}

export function npm(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, NPM_OPTS);
  for (const v of values(p, '--registry')) {
    hostArg(s, v, 'npm --registry');
  }
}

export const PACKAGES: HandlerTable = { pip, pip3: pip, npm, npx: npm, yarn: npm, pnpm: npm };
