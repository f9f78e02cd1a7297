import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/docker-socket';

ruleTable('compose/docker-socket', [
  {
    what: 'short syntax',
    input: 'services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    want: [5],
    messages: [message('ci', '/var/run/docker.sock')],
  },
  { what: 'read-only short syntax', input: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - "/var/run/docker.sock:/var/run/docker.sock:ro"\n', want: [5] },
  {
    what: 'long syntax',
    input: 'services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n',
    want: [6],
  },
  { what: 'podman socket', input: 'services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - /run/podman/podman.sock:/var/run/docker.sock\n', want: [5] },
  { what: 'socket path from a variable default', input: 'services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n', want: [5] },
  { what: 'ordinary volumes', input: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n', want: [] },
  { what: 'socket only as container target', input: 'services:\n  ci:\n    image: acme/runner:1.0\n    volumes:\n      - ./fake.sock:/var/run/docker.sock\n', want: [] },
  { what: 'from an anchor, reported once', input: 'x-sock: &sock\n  volumes:\n    - /var/run/docker.sock:/var/run/docker.sock:ro\nservices:\n  a:\n    <<: *sock\n    image: acme/a:1.0\n  b:\n    <<: *sock\n    image: acme/b:1.0\n', want: [3] },
]);
