import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/privileged';

ruleTable('compose/privileged', [
  { what: 'privileged', input: 'services:\n  agent:\n    image: acme/agent:1.0\n    privileged: true\n', want: [4], messages: [message('agent')] },
  { what: 'privileged false', input: 'services:\n  agent:\n    image: acme/agent:1.0\n    privileged: false\n', want: [] },
  { what: 'not set', input: 'services:\n  agent:\n    image: acme/agent:1.0\n', want: [] },
  { what: 'flow style', input: 'services:\n  agent: {image: "acme/agent:1.0", privileged: true}\n', want: [2] },
  { what: 'from an anchor, reported once', input: 'x-p: &p\n  privileged: true\nservices:\n  a:\n    <<: *p\n  b:\n    <<: *p\n', want: [2] },
  { what: 'overridden after merge', input: 'x-p: &p\n  privileged: true\nservices:\n  a:\n    <<: *p\n    privileged: false\n', want: [] },
]);
