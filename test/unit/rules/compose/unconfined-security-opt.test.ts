import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/unconfined-security-opt';

ruleTable('compose/unconfined-security-opt', [
  { what: 'seccomp unconfined', input: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - seccomp:unconfined\n', want: [5], messages: [message('app', 'seccomp:unconfined')] },
  { what: 'apparmor with =', input: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - "apparmor=unconfined"\n', want: [5] },
  { what: 'SELinux label disabled', input: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt: [label:disable]\n', want: [4] },
  { what: 'no-new-privileges is good', input: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - no-new-privileges:true\n', want: [] },
  { what: 'custom seccomp profile', input: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - seccomp:./seccomp.json\n', want: [] },
  { what: 'from an anchor', input: 'x-sec: &sec\n  security_opt:\n    - seccomp:unconfined\nservices:\n  a:\n    <<: *sec\n    image: acme/app:1.0\n', want: [3] },
]);
