import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/debug-trace';

ruleTable('gitlab-ci/debug-trace', [
  { what: 'global', input: 'variables:\n  CI_DEBUG_TRACE: "true"\ntest:\n  script: make\n', want: [2], messages: [message('The pipeline', 'CI_DEBUG_TRACE')] },
  { what: 'job', input: 'test:\n  variables:\n    CI_DEBUG_SERVICES: "true"\n  script: make\n', want: [3] },
  { what: 'value: form', input: 'variables:\n  CI_DEBUG_TRACE:\n    value: "true"\ntest:\n  script: make\n', want: [2] },
  { what: 'false', input: 'variables:\n  CI_DEBUG_TRACE: "false"\ntest:\n  script: make\n', want: [] },
  { what: 'other variables', input: 'variables:\n  DEBUG: "true"\ntest:\n  script: make\n', want: [] },
  { what: 'through an anchor, once', input: '.dbg: &dbg\n  variables:\n    CI_DEBUG_TRACE: "true"\na:\n  <<: *dbg\n  script: make\n', want: [3] },
]);
