import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/build-and-image';

ruleTable('compose/build-and-image', [
  { what: 'build with an official image name', input: 'services:\n  db:\n    build: ./db\n    image: postgres:16\n', want: [4], messages: [message('db', 'postgres:16')] },
  { what: 'build with a local-looking name', input: 'services:\n  app:\n    build: .\n    image: myapp:dev\n', want: [4] },
  { what: 'explicit docker.io', input: 'services:\n  app:\n    build: .\n    image: docker.io/acme/app:1.0\n', want: [4] },
  { what: 'own registry names the built tag', input: 'services:\n  app:\n    build: .\n    image: ghcr.io/acme/app:1.4.2\n', want: [] },
  { what: 'pull_policy states the intent', input: 'services:\n  app:\n    build: .\n    image: acme/app:dev\n    pull_policy: build\n', want: [] },
  { what: 'image only', input: 'services:\n  app:\n    image: acme/app:1.0\n', want: [] },
  { what: 'image from a variable', input: 'services:\n  app:\n    build: .\n    image: ${IMAGE}\n', want: [] },
  { what: 'build merged from an anchor', input: 'x-build: &build\n  build:\n    context: .\nservices:\n  app:\n    <<: *build\n    image: acme/app:2.0\n', want: [7] },
]);
