import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/no-latest-tag';

ruleTable('compose/no-latest-tag', [
  { what: 'untagged image', input: 'services:\n  web:\n    image: nginx\n', want: [3], messages: [message('web', 'nginx', 'untagged')] },
  { what: 'latest', input: 'services:\n  db:\n    image: postgres:latest\n', want: [3] },
  { what: 'pinned', input: 'services:\n  db:\n    image: postgres:16.3-alpine\n', want: [] },
  { what: 'variable tag', input: 'services:\n  app:\n    image: ghcr.io/acme/app:${TAG}\n', want: [] },
  { what: 'build only', input: 'services:\n  app:\n    build: .\n', want: [] },
]);
