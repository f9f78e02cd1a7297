import { terraformFileRule } from './support/rule';
import { flag } from './support/flags';
import { str } from './support/values';

/** The message for a storage account accepting HTTP or old TLS. */
export function message(name: string, problem: 'http' | 'tls', tls?: string): string {
  if (problem === 'http') {
    return `Storage account '${name}' accepts plain HTTP: set https_traffic_only_enabled (enable_https_traffic_only before azurerm 4.0) to true`;
  }
  return `Storage account '${name}' accepts ${tls ?? 'old TLS'}: set min_tls_version = "TLS1_2"`;
}

/** Azure storage accounts must require HTTPS and TLS 1.2. */
export const rule = terraformFileRule({
  id: 'terraform/azure-storage-insecure-transport',
  meta: {
    title: 'Azure storage account allows insecure transport',
    description: 'Allowing HTTP or TLS 1.0/1.1 lets account keys, SAS tokens and data cross the network unprotected or with broken ciphers.',
    severity: 'error',
    kind: 'terraform',
    fixable: true,
    equivalents: [{ tool: 'checkov', id: 'CKV_AZURE_3' }, { tool: 'checkov', id: 'CKV_AZURE_44' }, { tool: 'tfsec', id: 'azure-storage-enforce-https' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const s of mod.resources('azurerm_storage_account')) {
      const name = s.labels[1] ?? '';
      for (const attr of ['enable_https_traffic_only', 'https_traffic_only_enabled']) {
        const f = flag(mod, s, attr, true);
        if (f.state === 'wrong') {
          ctx.report(f.attr, { range: ctx.at(f.attr), message: message(name, 'http'), fix: { title: 'Require HTTPS', safe: false, edits: [{ range: f.attr.value.range, newText: 'true' }] } });
        }
      }
      const tls = mod.attr(s, 'min_tls_version');
      const v = str(tls?.value);
      if (tls && (v === 'TLS1_0' || v === 'TLS1_1')) {
        ctx.report(tls.attr, { range: ctx.at(tls.attr), message: message(name, 'tls', v), fix: tls.attr.value.type === 'string' ? { title: 'Require TLS 1.2', safe: false, edits: [{ range: tls.attr.value.range, newText: '"TLS1_2"' }] } : undefined });
      }
    }
  },
});
