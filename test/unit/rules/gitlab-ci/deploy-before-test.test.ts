import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/deploy-before-test';

const job = 'job:\n  script: make\n';

ruleTable('gitlab-ci/deploy-before-test', [
  { what: 'deploy before test', input: `stages:\n  - build\n  - deploy\n  - test\n${job}`, want: [3], messages: [message('deploy', 'test')] },
  { what: 'release and production before lint', input: `stages: [build, release, production, lint]\n${job}`, want: [1, 1] },
  { what: 'usual order', input: `stages:\n  - build\n  - test\n  - deploy\n${job}`, want: [] },
  { what: 'smoke tests after deploy are fine', input: `stages:\n  - build\n  - test\n  - deploy\n  - smoke-test\n${job}`, want: [] },
  { what: 'review apps before e2e are fine', input: `stages:\n  - build\n  - review\n  - e2e\n  - production\n${job}`, want: [] },
  { what: 'no test stage', input: `stages:\n  - build\n  - deploy\n${job}`, want: [] },
  { what: 'default stages', input: job, want: [] },
  { what: 'stages from an anchor list', input: `.order: &order\n  - deploy-staging\n  - test\nstages: *order\n${job}`, want: [2] },
]);
