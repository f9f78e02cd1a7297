import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/push-without-scan';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/push-without-scan', [
  {
    what: 'build-push-action with push and no scan',
    input: lines('on: push', 'jobs:', '  image:', '    runs-on: ubuntu-24.04', '    steps:', '      - name: Push', '        uses: docker/build-push-action@v6', '        with:', '          push: true'),
    want: [7],
    messages: [message('Push')],
  },
  {
    what: 'docker push command',
    input: lines('on: push', 'jobs:', '  image:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: |', '          docker build -t ghcr.io/acme/api:1.0 .', '          docker push ghcr.io/acme/api:1.0'),
    want: [6],
  },
  {
    what: 'trivy scan in the same job',
    input: lines(
      'on: push',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: docker build -t ghcr.io/acme/api:1.0 .',
      '      - uses: aquasecurity/trivy-action@b6643a29fecd7f34b3597bc6acb0a98b03d33ff8',
      '        with:',
      '          image-ref: ghcr.io/acme/api:1.0',
      '      - run: docker push ghcr.io/acme/api:1.0',
    ),
    want: [],
  },
  {
    what: 'grype in a job that needs the push job',
    input: lines(
      'on: push',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: docker buildx build --push -t ghcr.io/acme/api:1.0 .',
      '  scan:',
      '    needs: image',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: grype ghcr.io/acme/api:1.0 --fail-on high',
    ),
    want: [],
  },
  {
    what: 'build without push',
    input: lines('on: pull_request', 'jobs:', '  image:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: docker/build-push-action@v6', '        with:', '          push: false'),
    want: [],
  },
  {
    what: 'push on some events only (expression)',
    input: lines('on: push', 'jobs:', '  image:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: docker/build-push-action@v6', '        with:', "          push: ${{ github.event_name != 'pull_request' }}"),
    want: [6],
  },
  {
    what: 'buildx build without --push',
    input: lines('on: push', 'jobs:', '  image:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: docker buildx build --load -t api:ci .'),
    want: [],
  },
]);

ruleTable('github-actions/push-without-scan', [
  {
    what: 'push to a local test registry',
    input: lines('on: pull_request', 'jobs:', '  e2e:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: docker push localhost:5001/app:ci'),
    want: [],
  },
]);
