import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/user-root';

ruleTable('compose/user-root', [
  { what: 'root by name', input: 'services:\n  app:\n    image: acme/app:1.0\n    user: root\n', want: [4], messages: [message('app', 'root')] },
  { what: 'uid 0 with group', input: 'services:\n  app:\n    image: acme/app:1.0\n    user: "0:0"\n', want: [4] },
  { what: 'unprivileged uid', input: 'services:\n  app:\n    image: acme/app:1.0\n    user: "10001:10001"\n', want: [] },
  { what: 'named user', input: 'services:\n  app:\n    image: acme/app:1.0\n    user: node\n', want: [] },
  { what: 'from an anchor', input: 'x-u: &u\n  user: root\nservices:\n  app:\n    <<: *u\n    image: acme/app:1.0\n', want: [2] },
  {
    what: 'one-shot init step fixing ownership',
    input: 'services:\n  app:\n    image: acme/app:1.0\n    user: "10001"\n    depends_on:\n      fix-perms:\n        condition: service_completed_successfully\n  fix-perms:\n    image: busybox:1.36\n    user: root\n    command: ["chown", "-R", "10001:10001", "/data"]\n',
    want: [],
  },
]);
