import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/undefined-stage';

ruleTable('gitlab-ci/undefined-stage', [
  { what: 'typo in stage', input: 'stages: [build, test, deploy]\nship:\n  stage: deplyo\n  script: ./ship.sh\n', want: [3], messages: [message('ship', 'deplyo', false, 'deploy')] },
  { what: 'default stages', input: 'scan:\n  stage: security\n  script: ./scan.sh\n', want: [2] },
  { what: 'implicit test stage missing from stages', input: 'stages: [build, deploy]\nunit:\n  script: npm test\n', want: [2], messages: [message('unit', 'test', true)] },
  { what: '.pre and .post', input: 'stages: [build]\nprep:\n  stage: .pre\n  script: ./prep.sh\nb:\n  stage: build\n  script: make\nclean:\n  stage: .post\n  script: ./clean.sh\n', want: [] },
  { what: 'stage from a template', input: 'stages: [build]\n.t:\n  stage: release\nj:\n  extends: .t\n  script: make\n', want: [3] },
  { what: 'template from an include is unknown', input: 'stages: [build]\ninclude: ci/templates.yml\nj:\n  extends: .from-include\n  script: make\n', want: [] },
  { what: 'no stages and includes', input: 'include:\n  - local: ci/stages.yml\nj:\n  stage: qa\n  script: make\n', want: [] },
  { what: 'included fragment', input: 'j:\n  stage: qa\n  script: make\n', want: [], path: '.gitlab/ci/qa.yml' },
  { what: 'hidden jobs are not judged', input: 'stages: [build]\n.t:\n  stage: whatever\n', want: [] },
]);
