import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/duplicate-host-port';

ruleTable('compose/duplicate-host-port', [
  {
    what: 'two services on 8080',
    input: 'services:\n  a:\n    image: acme/a:1.0\n    ports:\n      - "8080:80"\n  b:\n    image: acme/b:1.0\n    ports:\n      - "8080:3000"\n',
    want: [9],
    messages: [message('b', 8080, 'tcp', 'a')],
  },
  { what: 'different host addresses', input: 'services:\n  a:\n    ports:\n      - "127.0.0.1:8080:80"\n  b:\n    ports:\n      - "127.0.0.2:8080:80"\n', want: [] },
  { what: 'all interfaces against one address', input: 'services:\n  a:\n    ports:\n      - "127.0.0.1:8080:80"\n  b:\n    ports:\n      - "8080:80"\n', want: [7] },
  { what: 'tcp and udp', input: 'services:\n  dns:\n    ports:\n      - "53:53/tcp"\n      - "53:53/udp"\n', want: [] },
  { what: 'overlapping ranges', input: 'services:\n  a:\n    ports:\n      - "9000-9010:9000-9010"\n  b:\n    ports:\n      - target: 80\n        published: 9005\n', want: [7] },
  { what: 'disjoint profiles are alternatives', input: 'services:\n  a:\n    profiles: [dev]\n    ports:\n      - "8080:80"\n  b:\n    profiles: [prod]\n    ports:\n      - "8080:80"\n', want: [] },
  { what: 'random host ports', input: 'services:\n  a:\n    ports:\n      - "80"\n  b:\n    ports:\n      - "80"\n', want: [] },
  { what: 'variable host port', input: 'services:\n  a:\n    ports:\n      - "${A_PORT}:80"\n  b:\n    ports:\n      - "${B_PORT}:80"\n', want: [] },
  { what: 'ports merged from one anchor into two services', input: 'x-web: &web\n  ports:\n    - "80:80"\nservices:\n  a:\n    <<: *web\n  b:\n    <<: *web\n    ports:\n      - "8080:80"\n', want: [] },
  { what: 'same service publishing a port twice', input: 'services:\n  a:\n    ports:\n      - "9090:9090"\n      - "9090:9091"\n', want: [5] },
]);
