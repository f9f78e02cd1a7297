import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/unpinned-include';

const job = 'test:\n  script: make\n';

ruleTable('gitlab-ci/unpinned-include', [
  { what: 'remote without integrity', input: `include:\n  - remote: https://example.com/ci.yml\n${job}`, want: [2], messages: [message('https://example.com/ci.yml', 'remote')] },
  { what: 'remote as a string', input: `include: https://example.com/ci.yml\n${job}`, want: [1] },
  { what: 'project without ref', input: `include:\n  - project: group/templates\n    file: /ci.yml\n${job}`, want: [2], messages: [message('group/templates', 'project-no-ref')] },
  { what: 'project on a branch', input: `include:\n  - project: group/templates\n    ref: main\n    file: /ci.yml\n${job}`, want: [3] },
  { what: 'component on ~latest', input: `include:\n  - component: $CI_SERVER_FQDN/group/comp/lint@~latest\n${job}`, want: [2] },
  { what: 'component without version', input: `include:\n  - component: $CI_SERVER_FQDN/group/comp/lint\n${job}`, want: [2] },
  {
    what: 'pinned forms',
    input: `include:\n  - local: ci/build.yml\n  - template: Jobs/SAST.gitlab-ci.yml\n  - project: group/templates\n    ref: v2.3.1\n    file: /ci.yml\n  - remote: https://example.com/ci.yml\n    integrity: sha256-L3/GAoKaw0Arw6hDCKeKQlV1QPEgHYxGBHsH4zG1IY8=\n  - component: $CI_SERVER_FQDN/group/comp/lint@1.4.0\n${job}`,
    want: [],
  },
  { what: 'single map include', input: `include:\n  project: group/templates\n  file: /ci.yml\n${job}`, want: [2] },
  { what: 'include entries from an anchor list', input: `.shared: &shared\n  - project: group/templates\n    file: /ci.yml\ninclude: *shared\n${job}`, want: [2] },
]);
