import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/extends-unknown-job';

ruleTable('gitlab-ci/extends-unknown-job', [
  { what: 'typo', input: '.node-job:\n  image: node:20\ntest:\n  extends: .nod-job\n  script: npm test\n', want: [4], messages: [message('test', '.nod-job', '.node-job')] },
  { what: 'list form', input: '.a:\n  tags: [x]\ntest:\n  extends: [.a, .b]\n  script: npm test\n', want: [4] },
  { what: 'known', input: '.a:\n  tags: [x]\ntest:\n  extends: .a\n  script: npm test\n', want: [] },
  { what: 'visible job as parent', input: 'base:\n  script: make\ntest:\n  extends: base\n', want: [] },
  { what: 'templates from an include', input: 'include: ci/templates.yml\ntest:\n  extends: .shared\n  script: npm test\n', want: [] },
  { what: 'included fragment', input: 'test:\n  extends: .shared\n  script: npm test\n', want: [], path: '.gitlab/ci/test.yml' },
]);
