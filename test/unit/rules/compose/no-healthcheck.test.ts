import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/no-healthcheck';

ruleTable('compose/no-healthcheck', [
  { what: 'server without healthcheck', input: 'services:\n  api:\n    image: acme/api:1.0\n    restart: unless-stopped\n', want: [2], messages: [message('api')] },
  { what: 'healthcheck', input: 'services:\n  api:\n    image: acme/api:1.0\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/healthz"]\n', want: [] },
  { what: 'explicitly disabled', input: 'services:\n  api:\n    image: acme/api:1.0\n    healthcheck:\n      disable: true\n', want: [] },
  { what: 'one-shot: restart no', input: 'services:\n  task:\n    image: acme/api:1.0\n    restart: "no"\n', want: [] },
  {
    what: 'one-shot: waited for until completed',
    input: 'services:\n  api:\n    image: acme/api:1.0\n    healthcheck:\n      test: ["CMD", "true"]\n    depends_on:\n      schema:\n        condition: service_completed_successfully\n  schema:\n    image: acme/api:1.0\n    command: ["npm", "run", "migrate"]\n',
    want: [],
  },
  { what: 'one-shot: tool profile', input: 'services:\n  shell:\n    image: acme/api:1.0\n    profiles: [tools]\n', want: [] },
  { what: 'one-shot: task-like name', input: 'services:\n  db-migrate:\n    image: acme/api:1.0\n', want: [] },
  { what: 'healthcheck merged from an anchor', input: 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  api:\n    <<: *hc\n    image: acme/api:1.0\n', want: [] },
  { what: 'healthcheck inherited through extends', input: 'services:\n  base:\n    image: acme/api:1.0\n    healthcheck:\n      test: ["CMD", "true"]\n  api:\n    extends: base\n', want: [] },
  { what: 'override file adds to the base service', input: 'services:\n  api:\n    build:\n      target: dev\n', want: [], path: 'compose.override.yaml' },
  { what: 'environment file next to a base file', input: 'services:\n  api:\n    image: acme/api:1.0-debug\n', want: [], path: 'compose.prod.yaml', env: { fileExists: (p: string) => p === 'compose.yaml' } },
  { what: 'standalone file with an environment name', input: 'services:\n  api:\n    image: acme/api:1.0\n', want: [2], path: 'compose.prod.yaml', env: { fileExists: () => false } },
]);
