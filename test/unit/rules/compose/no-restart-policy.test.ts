import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/no-restart-policy';

ruleTable('compose/no-restart-policy', [
  { what: 'no policy', input: 'services:\n  api:\n    image: acme/api:1.0\n', want: [2], messages: [message('api')] },
  { what: 'restart set', input: 'services:\n  api:\n    image: acme/api:1.0\n    restart: unless-stopped\n', want: [] },
  { what: 'deploy restart_policy', input: 'services:\n  api:\n    image: acme/api:1.0\n    deploy:\n      restart_policy:\n        condition: any\n', want: [] },
  { what: 'one-shot service', input: 'services:\n  migrate:\n    image: acme/api:1.0\n    command: ["npm", "run", "migrate"]\n', want: [] },
  { what: 'restart from an anchor', input: 'x-defaults: &defaults\n  restart: always\nservices:\n  api:\n    <<: *defaults\n    image: acme/api:1.0\n', want: [] },
  { what: 'several services', input: 'services:\n  api:\n    image: acme/api:1.0\n  worker:\n    image: acme/worker:1.0\n    restart: always\n', want: [2] },
]);
