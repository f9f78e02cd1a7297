import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/allow-failure-on-test';

ruleTable('gitlab-ci/allow-failure-on-test', [
  { what: 'test stage job', input: 'unit:\n  stage: test\n  script: npm test\n  allow_failure: true\n', want: [4], messages: [message('unit')] },
  { what: 'lint job by name in the default stage', input: 'lint:\n  script: npx eslint .\n  allow_failure: true\n', want: [3] },
  { what: 'test command in another stage', input: 'stages: [build, check]\ngo:\n  stage: build\n  script: go test ./...\n  allow_failure: true\n', want: [5] },
  { what: 'specific exit codes', input: 'unit:\n  stage: test\n  script: npm test\n  allow_failure:\n    exit_codes: [137]\n', want: [] },
  { what: 'allowed to fail but not a test', input: 'stages: [build, deploy]\nnotify:\n  stage: deploy\n  script: ./notify.sh\n  allow_failure: true\n', want: [] },
  { what: 'from a template via extends', input: '.soft:\n  allow_failure: true\nunit:\n  extends: .soft\n  stage: test\n  script: pytest\n', want: [2] },
  { what: 'from an anchor', input: '.soft: &soft\n  allow_failure: true\nunit:\n  <<: *soft\n  stage: test\n  script: pytest\n', want: [2] },
  { what: 'false', input: 'unit:\n  stage: test\n  script: npm test\n  allow_failure: false\n', want: [] },
]);
