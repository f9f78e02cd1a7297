import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/duplicate-container-name';

ruleTable('compose/duplicate-container-name', [
  {
    what: 'same name twice',
    input: 'services:\n  api:\n    image: acme/api:1.0\n    container_name: app\n  worker:\n    image: acme/worker:1.0\n    container_name: app\n',
    want: [7],
    messages: [message('worker', 'app', 'api')],
  },
  { what: 'distinct names', input: 'services:\n  api:\n    image: acme/api:1.0\n    container_name: api\n  worker:\n    image: acme/worker:1.0\n    container_name: worker\n', want: [] },
  { what: 'no names', input: 'services:\n  api:\n    image: acme/api:1.0\n  worker:\n    image: acme/worker:1.0\n', want: [] },
  { what: 'three times', input: 'services:\n  a:\n    container_name: x\n  b:\n    container_name: x\n  c:\n    container_name: x\n', want: [5, 7] },
  { what: 'name merged from an anchor into two services', input: 'x-n: &n\n  container_name: shared\nservices:\n  a:\n    <<: *n\n  b:\n    <<: *n\n', want: [2] },
]);
