import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/undefined-resource';

ruleTable('compose/undefined-resource', [
  {
    what: 'undeclared named volume with a typo',
    input: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdta:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
    want: [5],
    messages: [message('db', 'volume', 'pgdta', 'pgdata')],
  },
  { what: 'long-syntax volume', input: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n', want: [6] },
  { what: 'network and secret', input: 'services:\n  api:\n    image: acme/api:1.0\n    networks: [backend]\n    secrets:\n      - source: api_key\n        target: key\n', want: [4, 6] },
  { what: 'network map form', input: 'services:\n  api:\n    image: acme/api:1.0\n    networks:\n      backend:\n        aliases: [api]\nnetworks:\n  frontend: {}\n', want: [5] },
  {
    what: 'everything declared',
    input: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\n      - /etc/localtime:/etc/localtime:ro\n    networks: [default, backend]\n    secrets: [db_password]\nvolumes:\n  pgdata:\nnetworks:\n  backend:\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    want: [],
  },
  { what: 'bind mounts and anonymous volumes', input: 'services:\n  app:\n    image: acme/app:1.0\n    volumes:\n      - .:/code\n      - /code/node_modules\n      - ~/.cache:/root/.cache\n      - ${DATA_DIR:-./data}:/data\n', want: [] },
  { what: 'file with include', input: 'include: [infra.yaml]\nservices:\n  app:\n    image: acme/app:1.0\n    networks: [shared]\n', want: [] },
  { what: 'volumes merged from an anchor', input: 'x-v: &v\n  volumes:\n    - cache:/cache\nservices:\n  a:\n    <<: *v\n    image: acme/a:1.0\n', want: [3] },
]);
