import { flag } from './support/flags';
import { terraformRule } from './support/rule';

/** The message for a search domain without encryption. */
export function message(name: string, what: 'at rest' | 'between nodes' | 'in transit'): string {
  const fix = what === 'at rest' ? 'encrypt_at_rest { enabled = true }' : what === 'between nodes' ? 'node_to_node_encryption { enabled = true }' : 'domain_endpoint_options { enforce_https = true }';
  return `Search domain '${name}' is not encrypted ${what}: add ${fix}`;
}

const SETTINGS = [
  ['encrypt_at_rest', 'enabled', 'at rest'],
  ['node_to_node_encryption', 'enabled', 'between nodes'],
  ['domain_endpoint_options', 'enforce_https', 'in transit'],
] as const;

/** OpenSearch / Elasticsearch domains must encrypt at rest, between nodes and on their endpoint. */
export const rule = terraformRule({
  id: 'terraform/opensearch-not-encrypted',
  meta: {
    title: 'OpenSearch domain is not encrypted',
    description: 'Search indexes hold copies of application data and logs; without encryption at rest, between nodes and HTTPS on the endpoint they are readable from disks, snapshots and the network.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_5' }, { tool: 'checkov', id: 'CKV_AWS_6' }, { tool: 'checkov', id: 'CKV_AWS_83' }, { tool: 'tfsec', id: 'aws-elastic-search-enable-domain-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const d of mod.resources('aws_opensearch_domain', 'aws_elasticsearch_domain')) {
      const name = d.labels[1] ?? '';
      for (const [blockType, attr, what] of SETTINGS) {
        const blocks = mod.nested(d, blockType);
        if (blocks.length === 0) {
          ctx.report(d, { range: d.headerRange, message: message(name, what) });
          continue;
        }
        for (const b of blocks) {
          const f = flag(mod, b, attr, true);
          // an explicit enforce_https = false is terraform/opensearch-http-allowed's finding
          if (f.state === 'wrong' && what !== 'in transit') {
            ctx.report(f.attr, { range: ctx.at(f.attr), message: message(name, what) });
          } else if (f.state === 'missing') {
            ctx.report(b.block, { range: (b.dynamic ?? b.block).headerRange, message: message(name, what) });
          }
        }
      }
    }
  },
});
