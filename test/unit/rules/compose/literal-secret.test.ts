import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/literal-secret';

ruleTable('compose/literal-secret', [
  {
    what: 'map syntax',
    input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-Pa55\n',
    want: [5],
    messages: [message('db', 'POSTGRES_PASSWORD', 'environment', 'secret-like name')],
  },
  { what: 'list syntax', input: 'services:\n  api:\n    image: acme/api:1.0\n    environment:\n      - API_TOKEN=9f8e7d6c5b4a\n', want: [5] },
  { what: 'known format under any name', input: 'services:\n  api:\n    image: acme/api:1.0\n    environment:\n      GH: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n', want: [5] },
  { what: 'reference to the shell environment', input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?}\n      - x\n'.replace('      - x\n', ''), want: [] },
  { what: 'pass-through entries', input: 'services:\n  api:\n    image: acme/api:1.0\n    environment:\n      - API_TOKEN\n      SECRET_KEY:\n'.replace('      SECRET_KEY:\n', ''), want: [] },
  { what: 'secrets file path', input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n', want: [] },
  { what: 'literal default of a variable', input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-hunter2hunter2}\n', want: [5] },
  { what: 'build args', input: 'services:\n  api:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789\n', want: [6] },
  { what: 'from an anchor', input: 'x-env: &env\n  environment:\n    JWT_SECRET: abcdef123456\nservices:\n  a:\n    <<: *env\n    image: acme/a:1.0\n  b:\n    <<: *env\n    image: acme/b:1.0\n', want: [3] },
  { what: 'non-secret settings', input: 'services:\n  api:\n    image: acme/api:1.0\n    environment:\n      NODE_ENV: production\n      TOKEN_TTL: 3600\n      DB_USER: app\n', want: [] },
  { what: 'address-like names are not secrets', input: 'services:\n  api:\n    image: acme/api:1.0\n    environment:\n      TOKEN_URL: https://auth.example.com/oauth/token\n      AUTH_HOST: auth.internal\n', want: [] },
  {
    what: 'MySQL and Postgres switches with secret-sounding names',
    input:
      'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_RANDOM_ROOT_PASSWORD: "yes"\n      MYSQL_ALLOW_EMPTY_PASSWORD: "true"\n      MYSQL_ONETIME_PASSWORD: yes\n  pg:\n    image: postgres:16\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password\n',
    want: [],
  },
  { what: 'switches in list syntax, 0/1 under a switch name', input: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_RANDOM_ROOT_PASSWORD=1\n      - MYSQL_ALLOW_EMPTY_PASSWORD=yes\n      - MYSQL_ROOT_PASSWORD_FILE=/run/secrets/root\n', want: [] },
  { what: 'a real password next to a switch is still reported', input: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_RANDOM_ROOT_PASSWORD: "no"\n      MYSQL_PASSWORD: app-Pa55w0rd\n', want: [6] },
  { what: '0/1 under a plain secret name is a (weak) literal password', input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "1"\n', want: [5] },
  { what: 'a switch name with a real value is reported', input: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ONETIME_PASSWORD=Xk29-secret-value\n', want: [5] },
  {
    what: 'auth as a namespace of settings (Grafana)',
    input: 'services:\n  grafana:\n    image: grafana/grafana:11.4.0\n    environment:\n      GF_AUTH_ANONYMOUS_ORG_ROLE: Viewer\n      GF_AUTH_GENERIC_OAUTH_SCOPES: openid email\n      GF_AUTH_DISABLE_LOGIN_FORM: "1"\n',
    want: [],
  },
  { what: 'auth keys and salts are secrets', input: 'services:\n  wp:\n    image: wordpress:6.7\n    environment:\n      WORDPRESS_AUTH_KEY: 7d1c9f0e2b\n      WORDPRESS_AUTH_SALT: 0a9b8c7d6e\n      GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: s3cr3t-value\n', want: [5, 6, 7] },
]);
