import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactSecrets } from '../../../src/agent/redact';

/**
 * Secret shapes the line-based redaction missed: each case says what must go (`gone`) and what
 * must stay (`kept`), and a negative case beside each positive one keeps the patterns narrow.
 */
interface ShapeCase {
  what: string;
  input: string;
  /** Substrings that must not survive. */
  gone: string[];
  /** Substrings that must survive unchanged. */
  kept: string[];
}

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: LS0tLS1DQUNFUlRJRklDQVRF
    server: https://10.0.0.1:6443
  name: prod
users:
- name: admin
  user:
    client-certificate-data: LS0tLS1DTElFTlRDRVJU
    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVktleURhdGE0Mg==
- name: deployer
  user:
    token: kUbEt0kEn.q8w7e6r5t4y3u2i1
`;

const TLS_SECRET = `apiVersion: v1
kind: Secret
type: kubernetes.io/tls
metadata:
  name: web-tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tTWFya2VyNDI=
`;

const PULL_SECRET = `apiVersion: v1
kind: Secret
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: eyJhdXRocyI6eyJyZWcuZXhhbXBsZSI6eyJhdXRoIjoiZFhOeU9uQmhjM009In19fQ==
`;

const STRING_DATA = `kind: Secret
stringData:
  .dockerconfigjson: '{"auths":{"reg.example":{"username":"ci","password":"Pu11Pa55!"}}}'
  tls.key: |
    -----BEGIN EC PRIVATE KEY-----
    MHcCAQEEIBlockScalarKeyMaterial42
    -----END EC PRIVATE KEY-----
  tls.crt: |
    -----BEGIN CERTIFICATE-----
    MIIBcertificateBodyIsPublic
    -----END CERTIFICATE-----
`;

const CASES: ShapeCase[] = [
  { what: 'kubeconfig client-key-data', input: KUBECONFIG, gone: ['LS0tLS1CRUdJTiBSU0EgUFJJVktleURhdGE0Mg=='], kept: ['client-key-data: [REDACTED]', 'client-certificate-data: LS0tLS1DTElFTlRDRVJU', 'certificate-authority-data: LS0tLS1DQUNFUlRJRklDQVRF', 'server: https://10.0.0.1:6443'] },
  { what: 'kubeconfig token under users', input: KUBECONFIG, gone: ['kUbEt0kEn.q8w7e6r5t4y3u2i1'], kept: ['token: [REDACTED]', 'name: deployer'] },
  { what: 'kubeconfig entries as JSON', input: '{"client-key-data":"QUJDREVGR0hJSktMTU5PUA==","client-certificate-data":"Q0VSVA=="}', gone: ['QUJDREVGR0hJSktMTU5PUA=='], kept: ['"client-certificate-data":"Q0VSVA=="'] },
  { what: 'Secret data tls.key (not tls.crt)', input: TLS_SECRET, gone: ['LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tTWFya2VyNDI='], kept: ['tls.key: [REDACTED]', 'tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t'] },
  { what: 'Secret data .dockerconfigjson', input: PULL_SECRET, gone: ['eyJhdXRocyI6eyJyZWcuZXhhbXBsZSI6eyJhdXRoIjoiZFhOeU9uQmhjM009In19fQ=='], kept: ['.dockerconfigjson: [REDACTED]', 'type: kubernetes.io/dockerconfigjson'] },
  { what: 'stringData .dockerconfigjson and a tls.key block (not the certificate)', input: STRING_DATA, gone: ['Pu11Pa55!', 'BlockScalarKeyMaterial42'], kept: [".dockerconfigjson: '[REDACTED]'", 'tls.key: |\n    [REDACTED]\n  tls.crt: |', 'MIIBcertificateBodyIsPublic'] },
  { what: 'Secret data with a reference is kept', input: 'data:\n  tls.key: ${TLS_KEY_B64}\n', gone: [], kept: ['tls.key: ${TLS_KEY_B64}'] },
  {
    what: 'Azure storage connection string',
    input: 'AZ=DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=K3y+Zm9vYmFyYmF6cXV4/MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net',
    gone: ['K3y+Zm9vYmFyYmF6cXV4/MTIzNDU2Nzg5MA=='],
    kept: ['AccountName=acmestore;AccountKey=[REDACTED];EndpointSuffix=core.windows.net'],
  },
  { what: 'Service Bus SharedAccessKey', input: 'Endpoint=sb://ns.example/;SharedAccessKeyName=send;SharedAccessKey=c2VuZGtleXZhbHVlMTIzNDU=', gone: ['c2VuZGtleXZhbHVlMTIzNDU='], kept: ['SharedAccessKeyName=send;SharedAccessKey=[REDACTED]'] },
  { what: 'Azure connection string with a reference is kept', input: 'AccountName=acmestore;AccountKey=${STORAGE_KEY}', gone: [], kept: ['AccountKey=${STORAGE_KEY}'] },
  { what: 'Authorization: Bearer in a curl -H argument', input: 'curl -sS -H "Authorization: Bearer eyQ0b2tlbi12YWx1ZS0x.x9" https://api.example/v1', gone: ['eyQ0b2tlbi12YWx1ZS0x.x9'], kept: ['-H "Authorization: Bearer [REDACTED]" https://api.example/v1'] },
  { what: 'Authorization: Basic in a header dump', input: '> GET / HTTP/1.1\n> authorization: Basic Y2k6aHVudGVyMjJzZWNyZXQ=\n> Accept: */*', gone: ['Y2k6aHVudGVyMjJzZWNyZXQ='], kept: ['authorization: Basic [REDACTED]', 'Accept: */*'] },
  { what: 'Authorization in JSON headers', input: '{"headers":{"Authorization":"token gh0_abcdef1234567890"}}', gone: ['gh0_abcdef1234567890'], kept: ['"Authorization":"token [REDACTED]"'] },
  { what: 'Authorization with a variable or prose is kept', input: 'curl -H "Authorization: Bearer $API_TOKEN" -H \'Authorization: Basic ${CREDS}\'\nThe Authorization: header is optional. Basic information follows.', gone: [], kept: ['Bearer $API_TOKEN', 'Basic ${CREDS}', 'Authorization: header is optional. Basic information follows.'] },
  { what: 'URL password containing $', input: 'DATABASE_URL=postgres://app:pa$$w0rd!@db.internal:5432/app', gone: ['pa$$w0rd!'], kept: ['postgres://app:[REDACTED]@db.internal:5432/app'] },
  { what: 'URL password that is a variable is kept', input: 'url: postgres://app:$DB_PASSWORD@db:5432/app and mysql://root:${MYSQL_PW}@db/x', gone: [], kept: ['postgres://app:$DB_PASSWORD@db:5432/app', 'mysql://root:${MYSQL_PW}@db/x'] },
  { what: 'PGPASSWORD before a command, however short', input: 'PGPASSWORD=x psql -h db -U app\nPGPASSWORD="Lo ng Pw" pg_dump app\nenv:\n  PGPASSWORD: pgS3cretValue', gone: ['=x ', 'Lo ng Pw', 'pgS3cretValue'], kept: ['PGPASSWORD=[REDACTED] psql -h db -U app', 'PGPASSWORD="[REDACTED]" pg_dump app', 'PGPASSWORD: [REDACTED]'] },
  { what: 'PGPASSWORD from a variable is kept', input: 'PGPASSWORD=$DB_PASSWORD psql\nPGPASSWORD="${PW}" psql\nMY_PGPASSWORD_FILE=/run/secrets/pg', gone: [], kept: ['PGPASSWORD=$DB_PASSWORD psql', 'PGPASSWORD="${PW}" psql', 'MY_PGPASSWORD_FILE=/run/secrets/pg'] },
  { what: 'YAML block scalar under a secret key', input: 'db:\n  password: |\n    first-line-secret\n    second-line-secret\n\n  host: db.internal\n', gone: ['first-line-secret', 'second-line-secret'], kept: ['  password: |\n    [REDACTED]\n\n  host: db.internal\n'] },
  { what: 'YAML folded block scalar with chomping and a comment', input: 'api_token: >- # from the vault\n  folded-token-value-1\n  folded-token-value-2\nnext: 1\n', gone: ['folded-token-value'], kept: ['api_token: >- # from the vault\n  [REDACTED]\nnext: 1\n'] },
  { what: 'YAML block scalar in a list item, CRLF', input: '- name: x\r\n  secret: |\r\n    crlf-secret-value\r\n  other: y\r\n', gone: ['crlf-secret-value'], kept: ['  secret: |\r\n    [REDACTED]\r\n  other: y\r\n'] },
  { what: 'YAML block scalar under a secret key holding a reference is kept', input: 'password: |\n  ${DB_PASSWORD}\ntoken: >-\n  {{ .Values.token }}\n', gone: [], kept: ['password: |\n  ${DB_PASSWORD}\n', 'token: >-\n  {{ .Values.token }}\n'] },
  { what: 'YAML block scalar under other keys is kept', input: 'script: |\n  echo building\n  make all\ndescription: >\n  The password field is required.\n', gone: [], kept: ['echo building\n  make all', 'The password field is required.'] },
  { what: 'sk- keys with - and _', input: 'OPENAI=sk-proj-Ab3_dE5-GhIjK7LmNoPqRsTuV9wXyZ01\nANTHROPIC=sk-ant-api03-Zx_9Yw-8VuTsRqPoNmLkJiHgFeDcBa-0123_4567\nsvc sk-svcacct-Q1w2E3r4T5y6U7i8O9p0_AsDf', gone: ['Ab3_dE5-GhIjK7LmNoPqRsTuV9wXyZ01', 'Zx_9Yw-8VuTsRqPoNmLkJiHgFeDcBa', 'Q1w2E3r4T5y6U7i8O9p0_AsDf'], kept: ['OPENAI=[REDACTED', 'svc [REDACTED API key]'] },
  { what: 'sk- words that are not keys are kept', input: 'class="sk-some-long-component-name-here" task-sk-1234567890abcdefghij disk-usage-report-2024-production', gone: [], kept: ['sk-some-long-component-name-here', 'task-sk-1234567890abcdefghij', 'disk-usage-report-2024-production'] },
  { what: 'Google OAuth access token', input: 'access_token_value ya29.a0AfB_byC1d2E3f4G5h6I7j8K9l0-MnOp', gone: ['a0AfB_byC1d2E3f4G5h6I7j8K9l0-MnOp'], kept: ['access_token_value [REDACTED Google OAuth access token]'] },
  { what: 'ya29 that is not a token is kept', input: 'see ya29.short and ya290.a0AfB_byC1d2E3f4G5h6I7j8K9l0', gone: [], kept: ['ya29.short', 'ya290.a0AfB_byC1d2E3f4G5h6I7j8K9l0'] },
  { what: 'Vault service and batch tokens', input: 'hvs.CAESIJlU9Fk2bXcLq8Rr0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9 hvb.AAAAAQJ4k3mNpQrStUvWxYz0123456789', gone: ['CAESIJlU9Fk2bXcLq8Rr0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9', 'AAAAAQJ4k3mNpQrStUvWxYz0123456789'], kept: ['[REDACTED Vault token] [REDACTED Vault token]'] },
  { what: 'hvs that is not a token is kept', input: 'hvs.short thvs.CAESIJlU9Fk2bXcLq8Rr0sT1uV2wX3yZ4', gone: [], kept: ['hvs.short', 'thvs.CAESIJlU9Fk2bXcLq8Rr0sT1uV2wX3yZ4'] },
];

describe('secret shapes the line patterns missed', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const r = redactSecrets(c.input);
      for (const g of c.gone) {
        assert.ok(!r.text.includes(g), `${JSON.stringify(g)} survived in ${JSON.stringify(r.text)}`);
      }
      for (const k of c.kept) {
        assert.ok(r.text.includes(k), `${JSON.stringify(k)} is missing from ${JSON.stringify(r.text)}`);
      }
      if (c.gone.length === 0) {
        assert.equal(r.text, c.input);
        assert.equal(r.count, 0);
      } else {
        assert.ok(r.count >= 1);
      }
    });
  }

  it('every new shape has a positive and a negative case', () => {
    const positives = CASES.filter((c) => c.gone.length > 0).length;
    const negatives = CASES.filter((c) => c.gone.length === 0).length;
    assert.ok(positives >= 10 && negatives >= 8, `${positives} positive, ${negatives} negative`);
  });
});
