import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/depends-on-missing-service';

ruleTable('compose/depends-on-missing-service', [
  {
    what: 'list form with a typo',
    input: 'services:\n  api:\n    image: acme/api:1.0\n    depends_on:\n      - postgress\n  postgres:\n    image: postgres:16\n',
    want: [5],
    messages: [message('api', 'postgress', 'postgres')],
  },
  {
    what: 'map form',
    input: 'services:\n  api:\n    image: acme/api:1.0\n    depends_on:\n      redis:\n        condition: service_healthy\n',
    want: [5],
    messages: [message('api', 'redis')],
  },
  { what: 'defined services', input: 'services:\n  api:\n    image: acme/api:1.0\n    depends_on: [db]\n  db:\n    image: postgres:16\n', want: [] },
  { what: 'optional dependency', input: 'services:\n  api:\n    image: acme/api:1.0\n    depends_on:\n      metrics:\n        condition: service_started\n        required: false\n', want: [] },
  { what: 'file with include', input: 'include:\n  - ../db/compose.yaml\nservices:\n  api:\n    image: acme/api:1.0\n    depends_on: [db]\n', want: [] },
  { what: 'override file with partial services', input: 'services:\n  api:\n    depends_on: [db]\n', want: [] },
  { what: 'from an anchor', input: 'x-deps: &deps\n  depends_on: [cache]\nservices:\n  a:\n    <<: *deps\n    image: acme/a:1.0\n', want: [2] },
]);
