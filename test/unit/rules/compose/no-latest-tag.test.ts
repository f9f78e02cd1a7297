import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/no-latest-tag';

ruleTable('compose/no-latest-tag', [
  { what: 'untagged image', input: 'services:\n  web:\n    image: nginx\n', want: [3], messages: [message('web', 'nginx', 'untagged')] },
  { what: 'latest', input: 'services:\n  db:\n    image: postgres:latest\n', want: [3] },
  { what: 'pinned', input: 'services:\n  db:\n    image: postgres:16.3-alpine\n', want: [] },
  { what: 'variable tag', input: 'services:\n  app:\n    image: ghcr.io/acme/app:${TAG}\n', want: [] },
  { what: 'build only', input: 'services:\n  app:\n    build: .\n', want: [] },
  { what: 'digest', input: 'services:\n  app:\n    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', want: [] },
  {
    what: 'latest through a variable default',
    input: 'services:\n  app:\n    image: ghcr.io/acme/app:${TAG:-latest}\n',
    want: [3],
    messages: [message('app', 'ghcr.io/acme/app:${TAG:-latest}', 'latest', true)],
  },
  { what: 'pinned variable default', input: 'services:\n  app:\n    image: ghcr.io/acme/app:${TAG:-1.4.2}\n', want: [] },
  { what: 'variable registry, no tag', input: 'services:\n  app:\n    image: ${REGISTRY}/acme/app\n', want: [3], messages: [message('app', '${REGISTRY}/acme/app', 'untagged')] },
  { what: 'whole image from a variable', input: 'services:\n  app:\n    image: ${APP_IMAGE}\n', want: [] },
  {
    what: 'latest inherited from an anchor is reported once, where it is written',
    input: 'x-base: &base\n  image: busybox:latest\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n',
    want: [2],
  },
  { what: 'own image overrides the merged one', input: 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: busybox:1.36\n', want: [] },
]);
