import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/needs-unknown-job';

const build = 'build:\n  stage: build\n  script: make\n';

ruleTable('gitlab-ci/needs-unknown-job', [
  { what: 'typo', input: `${build}test:\n  needs: [biuld]\n  script: make test\n`, want: [5], messages: [message('test', 'needs', 'biuld', false, 'build')] },
  { what: 'job: form', input: `${build}test:\n  needs:\n    - job: compile\n      artifacts: true\n  script: make test\n`, want: [6] },
  { what: 'hidden job', input: `${build}.tpl:\n  script: x\ntest:\n  needs: [.tpl]\n  script: make test\n`, want: [7], messages: [message('test', 'needs', '.tpl', true)] },
  { what: 'dependencies', input: `${build}test:\n  dependencies: [compile]\n  script: make test\n`, want: [5] },
  { what: 'known job', input: `${build}test:\n  needs: [build]\n  script: make test\n`, want: [] },
  { what: 'optional and cross-project needs', input: `${build}test:\n  needs:\n    - job: lint\n      optional: true\n    - project: group/other\n      job: pkg\n      ref: main\n  script: make test\n`, want: [] },
  { what: 'file with include', input: `include: ci/jobs.yml\n${build}test:\n  needs: [lint]\n  script: make test\n`, want: [] },
  { what: 'needs through an anchor', input: `${build}.n: &n\n  needs: [missing]\ntest:\n  <<: *n\n  script: make test\n`, want: [5] },
  { what: 'needs from a !reference are not judged', input: `${build}.n:\n  needs: [build]\ntest:\n  needs: !reference [.n, needs]\n  script: make test\n`, want: [] },
]);
