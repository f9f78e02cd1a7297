import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/dangerous-capabilities';

ruleTable('compose/dangerous-capabilities', [
  { what: 'ALL', input: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add:\n      - ALL\n', want: [5], messages: [message('app', 'ALL')] },
  { what: 'SYS_ADMIN with CAP_ prefix', input: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add: [CAP_SYS_ADMIN, NET_BIND_SERVICE]\n', want: [4], messages: [message('app', 'SYS_ADMIN')] },
  { what: 'lower case', input: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add:\n      - sys_module\n', want: [5] },
  { what: 'SYS_PTRACE, as in the Kubernetes pack', input: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add: [SYS_PTRACE]\n', want: [4], messages: [message('app', 'SYS_PTRACE')] },
  { what: 'narrow capability', input: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add:\n      - NET_BIND_SERVICE\n', want: [] },
  { what: 'cap_drop ALL is good', input: 'services:\n  app:\n    image: acme/app:1.0\n    cap_drop:\n      - ALL\n', want: [] },
  { what: 'from an anchor', input: 'x-caps: &caps\n  cap_add:\n    - SYS_ADMIN\nservices:\n  a:\n    <<: *caps\n    image: acme/app:1.0\n', want: [3] },
]);
