import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/job-without-script';

ruleTable('gitlab-ci/job-without-script', [
  { what: 'no script', input: 'build:\n  stage: build\n  image: node:20\n', want: [1], messages: [message('build')] },
  { what: 'script', input: 'build:\n  stage: build\n  script: make\n', want: [] },
  { what: 'trigger job', input: 'downstream:\n  trigger:\n    project: group/deploy\n', want: [] },
  { what: 'script from extends', input: '.base:\n  script: make\nbuild:\n  extends: .base\n', want: [] },
  { what: 'script from an anchor', input: '.base: &base\n  script: make\nbuild:\n  <<: *base\n', want: [] },
  { what: 'extends an unknown template', input: 'build:\n  extends: .from-include\n', want: [] },
  { what: 'hidden template', input: '.base:\n  image: node:20\n', want: [] },
  { what: 'default does not provide script', input: 'default:\n  before_script: [npm ci]\nbuild:\n  stage: build\n', want: [3] },
  { what: 'adjusting a job from an include', input: 'include:\n  - template: Jobs/SAST.gitlab-ci.yml\nsast:\n  stage: test\n', want: [] },
]);
