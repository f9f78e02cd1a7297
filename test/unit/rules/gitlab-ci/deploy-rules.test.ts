import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('gitlab-ci/deploy-when-always', [
  { what: 'job-level always', input: lines('d:', '  stage: deploy', '  environment: production', '  when: always', '  script: [./d.sh]'), want: [4] },
  { what: 'always on a test job', input: lines('t:', '  stage: test', '  when: always', '  script: [make test]'), want: [] },
  { what: 'cleanup environment stop', input: lines('stop:', '  stage: deploy', '  environment:', '    name: production', '    action: stop', '  when: always', '  script: [./stop.sh]'), want: [] },
]);

ruleTable('gitlab-ci/deploy-interruptible', [
  { what: 'from a template', input: lines('.d:', '  interruptible: true', 'deploy-prod:', '  extends: .d', '  environment: production', '  script: [./d.sh]'), want: [2] },
  { what: 'from default', input: lines('default:', '  interruptible: true', 'deploy-prod:', '  environment: production', '  script: [./d.sh]'), want: [] },
  { what: 'review app', input: lines('review:', '  interruptible: true', '  environment: review/$CI_COMMIT_REF_SLUG', '  script: [./d.sh]'), want: [] },
]);

ruleTable('gitlab-ci/deploy-without-resource-group', [
  { what: 'production', input: lines('deploy:', '  environment: production', '  script: [./d.sh]'), want: [1] },
  { what: 'staging', input: lines('deploy:', '  environment: staging', '  script: [./d.sh]'), want: [] },
  { what: 'with a group', input: lines('deploy:', '  environment: production', '  resource_group: prod', '  script: [./d.sh]'), want: [] },
]);

ruleTable('gitlab-ci/deploy-without-environment', [
  { what: 'kubectl apply', input: lines('ship:', '  script: [kubectl apply -f k8s/]'), want: [1] },
  { what: 'image push in a build job', input: lines('build:', '  stage: build', '  script: [docker push r/app:1]'), want: [] },
  { what: 'pages', input: lines('pages:', '  stage: deploy', '  script: [make site]', '  artifacts:', '    paths: [public]'), want: [] },
]);
