import { ruleTable } from '../../../helpers/table';
import { message as inEnv } from '../../../../src/core/rules/kubernetes/secret-in-env';
import { message as manifest } from '../../../../src/core/rules/kubernetes/secret-manifest';
import { message as configMap } from '../../../../src/core/rules/kubernetes/configmap-secret';
import { message as duplicate } from '../../../../src/core/rules/kubernetes/duplicate-env-var';
import { deploymentWith, y } from './manifests';

const env = deploymentWith(
  'initContainers:',
  '  - name: migrate',
  '    image: m:1',
  '    env:',
  '      - name: DB_PASSWORD',
  '        value: s3cr3t-Pa55',
  'containers:',
  '  - name: app',
  '    image: a:1',
  '    env:',
  '      - name: LOG_LEVEL',
  '        value: debug',
  '      - name: API_TOKEN',
  '        value: "tok_9f8e7d6c5b4a"',
  '      - name: DB_PASSWORD',
  '        valueFrom:',
  '          secretKeyRef: {name: db, key: password}',
  '      - {name: GITHUB, value: ghp_0123456789abcdefghijklmnopqrstuvwxyz01}',
  '      - name: LOG_LEVEL',
  '        value: info',
);

ruleTable('kubernetes/secret-in-env', [
  {
    what: 'literal secrets in init and main containers, known token format, references skipped',
    input: env,
    want: [20, 28, 32],
    messages: [inEnv("init container 'migrate'", 'DB_PASSWORD', 'secret-like name'), inEnv("container 'app'", 'API_TOKEN', 'secret-like name'), inEnv("container 'app'", 'GITHUB', 'GitHub token')],
  },
  { what: 'placeholders are not secrets', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    env:', '      - name: PASSWORD', '        value: ${DB_PASSWORD}', '      - name: TOKEN_FILE', '        value: /var/run/secrets/token'), want: [] },
  { what: 'CronJob', input: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers:', '            - name: c', '              image: c:1', '              env:', '                - name: AWS_SECRET_ACCESS_KEY', '                  value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), want: [15] },
  { what: 'no env', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'Pod with envFrom only', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: c', '      image: c:1', '      envFrom: [{secretRef: {name: app}}]'), want: [] },
]);

ruleTable('kubernetes/duplicate-env-var', [
  { what: 'LOG_LEVEL twice in one container (DB_PASSWORD once per container)', input: env, want: [33], messages: [duplicate("container 'app'", 'LOG_LEVEL')] },
  { what: 'unique names', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    env: [{name: A, value: "1"}, {name: B, value: "2"}]'), want: [] },
  { what: 'Pod, flow list', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: c', '      image: c:1', '      env: [{name: A, value: "1"}, {name: A, value: "2"}]'), want: [8] },
  { what: 'same name in two containers is fine', input: deploymentWith('containers:', '  - {name: a, image: "a:1", env: [{name: X, value: "1"}]}', '  - {name: b, image: "b:1", env: [{name: X, value: "1"}]}'), want: [] },
  { what: 'no env', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [] },
]);

ruleTable('kubernetes/secret-manifest', [
  { what: 'Opaque Secret with data', input: y('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', 'type: Opaque', 'data:', '  password: aHVudGVyMg=='), want: [6], messages: [manifest("Secret 'db'", 'data')] },
  { what: 'stringData in the second document', input: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data: {a: b}', '---', 'apiVersion: v1', 'kind: Secret', 'metadata: {name: api}', 'stringData:', '  token: abc123def456'), want: [9] },
  { what: 'empty data', input: y('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data: {}'), want: [] },
  { what: 'service account token type', input: y('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: t', '  annotations: {kubernetes.io/service-account.name: app}', 'type: kubernetes.io/service-account-token', 'data:', '  token: ZmFrZQ=='), want: [] },
  { what: 'placeholders substituted at deploy time', input: y('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'stringData:', '  password: ${DB_PASSWORD}'), want: [] },
  { what: 'SealedSecret is the fix', input: y('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata: {name: s}', 'spec:', '  encryptedData:', '    password: AgBy3i4OJSWK+PiTySYZZA=='), want: [] },
]);

ruleTable('kubernetes/configmap-secret', [
  { what: 'password key', input: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: app}', 'data:', '  LOG_LEVEL: info', '  DB_PASSWORD: hunter2hunter2'), want: [6], messages: [configMap("ConfigMap 'app'", 'DB_PASSWORD', 'secret-like name')] },
  { what: 'private key inside an embedded file', input: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: tls}', 'data:', '  server.pem: |', '    -----BEGIN RSA PRIVATE KEY-----', '    MIIEow', '    -----END RSA PRIVATE KEY-----'), want: [5] },
  { what: 'embedded file with a password setting name only', input: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cfg}', 'data:', '  app.properties: |', '    db.password.file=/run/secrets/db', '    pool=10'), want: [] },
  { what: 'plain settings', input: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  TOKEN_TTL: 1h', '  AUTH_URL: https://auth.example.com'), want: [] },
  { what: 'Secret is not a ConfigMap', input: y('apiVersion: v1', 'kind: Secret', 'metadata: {name: c}', 'stringData:', '  password: hunter2hunter2'), want: [] },
]);
