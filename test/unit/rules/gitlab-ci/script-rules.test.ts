import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (...script: string[]): string => lines('j:', '  script:', ...script.map((s) => `    - ${s}`));

ruleTable('gitlab-ci/docker-login-password-argument', [
  { what: 'docker -p', input: job('docker login -u u -p "$P" r'), want: [3] },
  { what: 'helm registry --password=', input: job('helm registry login r --username u --password="$P"'), want: [3] },
  { what: 'password-stdin', input: job('echo "$P" | podman login -u u --password-stdin r'), want: [] },
]);

ruleTable('gitlab-ci/ssh-host-key-check-disabled', [
  { what: 'ssh -o', input: job('ssh -o StrictHostKeyChecking=no u@h true'), want: [3] },
  { what: 'rsync -e', input: job('rsync -az -e "ssh -o UserKnownHostsFile=/dev/null" dist/ u@h:/srv'), want: [3] },
  { what: 'ssh config line', input: job('echo "StrictHostKeyChecking no" >> ~/.ssh/config'), want: [3] },
  { what: 'variable', input: lines('variables:', '  GIT_SSH_COMMAND: ssh -o StrictHostKeyChecking=no', 'j:', '  script: [git pull]'), want: [2] },
  { what: 'accept-new keeps checking known keys', input: job('ssh -o StrictHostKeyChecking=yes u@h true'), want: [] },
]);

ruleTable('gitlab-ci/build-arg-secret', [
  { what: 'secret-named argument', input: job('docker build --build-arg GITHUB_TOKEN -t app .'), want: [3] },
  { what: 'job token as value', input: job('docker buildx build --build-arg=GIT_AUTH=$CI_JOB_TOKEN .'), want: [3] },
  { what: 'plain argument', input: job('docker build --build-arg VERSION=$CI_COMMIT_TAG .'), want: [] },
  { what: 'not a build', input: job('docker run --rm -e API_TOKEN app'), want: [] },
]);
