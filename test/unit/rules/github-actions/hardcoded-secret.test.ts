import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/hardcoded-secret';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/hardcoded-secret', [
  { what: 'password in step env', input: steps('      - run: ./deploy.sh', '        env:', '          DEPLOY_PASSWORD: hunter2-prod'), want: [8], messages: [message('DEPLOY_PASSWORD', 'secret-like name')] },
  { what: 'GitHub token format in with', input: steps('      - uses: some/action@0123456789abcdef0123456789abcdef01234567', '        with:', '          value: ghp_abcdefghijklmnopqrstuvwxyz0123456789AB'), want: [8] },
  { what: 'secret reference', input: steps('      - run: ./deploy.sh', '        env:', '          DEPLOY_PASSWORD: ${{ secrets.DEPLOY_PASSWORD }}'), want: [] },
  {
    what: 'container credentials',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    container:', '      image: ghcr.io/acme/ci:1.0', '      credentials:', '        username: bot', '        password: s3cr3t-value', '    steps:', '      - run: make'),
    want: [9],
  },
  {
    what: 'throwaway service database password',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    services:', '      db:', '        image: postgres:16.3', '        env:', '          POSTGRES_PASSWORD: postgres', '    steps:', '      - run: make test', '        env:', '          DATABASE_URL: postgres://postgres:postgres@localhost:5432/test'),
    want: [],
  },
  { what: 'non-secret names', input: steps('      - run: make', '        env:', '          NODE_ENV: production', '          TOKEN_FILE: /run/secrets/token'), want: [] },
]);

ruleTable('github-actions/hardcoded-secret', [
  {
    what: 'inputs that describe a credential',
    input: steps('      - uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f # v2.1.7', '        with:', '          token_format: access_token', '          access_token_lifetime: 300s', '          credentials_json: ${{ secrets.GCP_SA_KEY }}'),
    want: [],
  },
]);

ruleTable('github-actions/hardcoded-secret', [
  { what: 'webhook URL is the credential', input: steps('      - run: ./notify.sh', '        env:', '          SLACK_WEBHOOK_URL: https://hooks.slack.com/services/T000/B000/abcdefabcdefabcdefabcdef'), want: [8] },
  { what: 'token endpoint URL is not', input: steps('      - run: ./login.sh', '        env:', '          TOKEN_URL: https://login.example.com/oauth/token'), want: [] },
]);
