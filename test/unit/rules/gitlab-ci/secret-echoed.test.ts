import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (...script: string[]): string => lines('j:', '  script:', ...script.map((s) => `    - ${s}`));

ruleTable('gitlab-ci/secret-echoed', [
  { what: 'job token', input: job('echo $CI_JOB_TOKEN'), want: [3] },
  { what: 'secret-named variable in printf', input: job("printf '%s' \"${API_KEY}\""), want: [3] },
  { what: 'piped to the login', input: job('echo "$CI_REGISTRY_PASSWORD" | docker login -u u --password-stdin r'), want: [] },
  { what: 'written to a file', input: job('echo "$DEPLOY_KEY" > key'), want: [] },
  { what: 'not a secret', input: job('echo "$CI_COMMIT_SHA"'), want: [] },
  { what: 'length only', input: job('echo "${#DEPLOY_TOKEN}"'), want: [] },
]);
