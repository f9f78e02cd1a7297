import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/exposed-database-port';

ruleTable('compose/exposed-database-port', [
  { what: 'postgres on all interfaces', input: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n', want: [5], messages: [message('db', 5432, 'PostgreSQL')] },
  { what: 'explicit 0.0.0.0', input: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - 0.0.0.0:6379:6379\n', want: [5] },
  { what: 'other host port, same container port', input: 'services:\n  db:\n    image: mysql:8\n    ports:\n      - "13306:3306"\n', want: [5] },
  { what: 'container port only', input: 'services:\n  db:\n    image: mongo:7\n    ports:\n      - 27017\n', want: [5] },
  { what: 'long syntax', input: 'services:\n  es:\n    image: elasticsearch:8.15.0\n    ports:\n      - target: 9200\n        published: 9200\n', want: [5] },
  { what: 'bound to localhost', input: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n', want: [] },
  { what: 'long syntax with host_ip', input: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n', want: [] },
  { what: 'web port', input: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n', want: [] },
  { what: 'expose is not publishing', input: 'services:\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n', want: [] },
  { what: 'range covering a database port', input: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5430-5439:5430-5439"\n', want: [5] },
  { what: 'from an anchor', input: 'x-db: &db\n  ports:\n    - "5432:5432"\nservices:\n  db:\n    <<: *db\n    image: postgres:16\n', want: [3] },
]);
