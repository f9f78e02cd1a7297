// Regression corpus (issue 17): GitHub Actions shapes met on public repositories, written here.
import { corpusTable } from '../../helpers/corpus';
import { y } from '../rules/kubernetes/manifests';

const foldedExpression = y(
  'name: triage',
  'on: {issues: {types: [opened]}}',
  'permissions: {contents: read}',
  'jobs:',
  '  label:',
  '    runs-on: ubuntu-24.04',
  '    timeout-minutes: 5',
  '    steps:',
  '      - uses: some-org/issue-form-parser@0123456789abcdef0123456789abcdef01234567',
  '        with:',
  '          form: >-',
  '            .github/ISSUE_TEMPLATE/${{',
  "              contains(github.event.issue.labels.*.name, 'bug')",
  "              && 'bug.yml' || 'feature.yml'",
  '            }}',
  '          section: >-',
  '            ${{',
  "              github.event.issue.title || 'untitled'",
  '            }}',
);

corpusTable('regression: github-actions', [
  {
    what: 'an expression split across the lines of a folded scalar is valid',
    rule: 'github-actions/expression-syntax',
    files: { '.github/workflows/triage.yml': foldedExpression },
    want: [],
  },
  {
    what: 'an expression never closed is still an error',
    rule: 'github-actions/expression-syntax',
    files: { '.github/workflows/triage.yml': foldedExpression.replace("            }}\n          section", '          section') },
    want: [{ path: '.github/workflows/triage.yml', line: 12, severity: 'error' }],
  },
  {
    what: 'a variable holding the names of secrets, and a title mentioning tokens, are not credentials',
    rule: 'github-actions/hardcoded-secret',
    files: {
      '.github/workflows/agent.yml': y(
        'on: push',
        'permissions: {contents: read}',
        'jobs:',
        '  redact:',
        '    runs-on: ubuntu-24.04',
        '    timeout-minutes: 5',
        '    steps:',
        '      - run: ./redact.sh',
        '        env:',
        "          AGENT_SECRET_NAMES: 'BOT_GITHUB_TOKEN,MCP_SERVER_TOKEN,GITHUB_TOKEN'",
        '          REDACT_LIST: BOT_GITHUB_TOKEN, MCP_SERVER_TOKEN',
        '          USAGE_TOKEN_SUMMARY_TITLE: Threat Detection Token Usage',
        '          SECRET_BOT_GITHUB_TOKEN: ${{ secrets.BOT_GITHUB_TOKEN }}',
      ),
    },
    want: [],
  },
  {
    what: 'a literal token is still reported',
    rule: 'github-actions/hardcoded-secret',
    files: {
      '.github/workflows/agent.yml': y(
        'on: push',
        'permissions: {contents: read}',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-24.04',
        '    timeout-minutes: 5',
        '    steps:',
        '      - run: ./deploy.sh',
        '        env:',
        '          DEPLOY_TOKEN: q8Zr2vLk0pXw4Tn7',
      ),
    },
    want: [{ path: '.github/workflows/agent.yml', line: 10, severity: 'error' }],
  },
]);

corpusTable('regression: settings named after secrets', [
  {
    what: 'a ConfigMap key switching authentication off is not a credential',
    rule: 'kubernetes/secret-from-configmap',
    files: {
      'app/deploy.yaml': y(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: dash}',
        'spec:',
        '  selector: {matchLabels: {app: dash}}',
        '  template:',
        '    metadata: {labels: {app: dash}}',
        '    spec:',
        '      containers:',
        '        - name: dash',
        '          image: grafana/grafana:11.2.0',
        '          env:',
        '            - name: GF_DISABLE_AUTH',
        '              valueFrom: {configMapKeyRef: {name: dash-config, key: GF_DISABLE_AUTH}}',
        '            - name: GF_ADMIN_PASSWORD',
        '              valueFrom: {configMapKeyRef: {name: dash-config, key: admin-password}}',
      ),
    },
    want: [{ path: 'app/deploy.yaml', line: 16, severity: 'warning' }],
  },
  {
    what: 'a literal "true" under ..._DISABLE_AUTH is not a secret in the environment either',
    rule: 'kubernetes/secret-in-env',
    files: {
      'app/pod.yaml': y(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: dash}',
        'spec:',
        '  containers:',
        '    - name: dash',
        '      image: grafana/grafana:11.2.0',
        '      env:',
        '        - {name: DASH_DISABLE_AUTH, value: "true"}',
        '        - {name: DASH_REQUIRE_TOKEN, value: "no"}',
      ),
    },
    want: [],
  },
  {
    what: 'substitution tokens and example placeholders are not literal secrets; a real one is',
    rule: 'kubernetes/secret-in-env',
    files: {
      'app/pod.yaml': y(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: assistant}',
        'spec:',
        '  containers:',
        '    - name: server',
        '      image: example/assistant:1.0.0',
        '      env:',
        '        - {name: GOOGLE_API_KEY, value: GOOGLE_API_KEY_VAL}',
        '        - {name: DB_PASSWORD, value: yourpassword}',
        '        - {name: ADMIN_PASSWORD, value: "Zr8!qK2pVw"}',
      ),
    },
    want: [{ path: 'app/pod.yaml', line: 11, severity: 'error' }],
  },
]);
