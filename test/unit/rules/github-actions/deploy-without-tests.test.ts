import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/deploy-without-tests';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/deploy-without-tests', [
  {
    what: 'kubectl deploy with no test job',
    input: lines('on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: kubectl apply -f k8s/'),
    want: [3],
    messages: [message('deploy', 'kubectl apply')],
  },
  {
    what: 'deploy needs a test job transitively',
    input: lines(
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: go test ./...',
      '  build:',
      '    needs: test',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: go build ./...',
      '  deploy:',
      '    needs: [build]',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: helm upgrade --install api ./chart --wait',
    ),
    want: [],
  },
  {
    what: 'a test job exists but deploy does not need it',
    input: lines(
      'on: push',
      'jobs:',
      '  unit:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: npm test',
      '  release:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          push: true',
    ),
    want: [7],
    messages: [message('release', 'image push')],
  },
  {
    what: 'tests run in the same job before the deploy step',
    input: lines('on: push', 'jobs:', '  ship:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: python -m pytest -q', '      - run: terraform apply -auto-approve'),
    want: [],
  },
  {
    what: 'tests after the deploy step do not gate it',
    input: lines('on: push', 'jobs:', '  ship:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: terraform apply -auto-approve', '      - run: pytest'),
    want: [3],
  },
  {
    what: 'production environment counts as deploy',
    input: lines('on: push', 'jobs:', '  promote:', '    runs-on: ubuntu-24.04', '    environment: production', '    steps:', '      - run: ./scripts/promote.sh'),
    want: [3],
  },
  {
    what: 'cloud deploy action',
    input: lines('on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2'),
    want: [3],
  },
  {
    what: 'terraform plan is not a deploy',
    input: lines('on: pull_request', 'jobs:', '  plan:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: terraform plan -out tfplan'),
    want: [],
  },
  {
    what: 'kubectl dry-run is not a deploy',
    input: lines('on: pull_request', 'jobs:', '  validate:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: kubectl apply --dry-run=client -f k8s/'),
    want: [],
  },
  {
    what: 'workflow_run workflows run after CI elsewhere',
    input: lines('on:', '  workflow_run:', '    workflows: [CI]', '    types: [completed]', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: kubectl apply -f k8s/'),
    want: [],
  },
  {
    what: 'needs a reusable test workflow',
    input: lines(
      'on: push',
      'jobs:',
      '  tests:',
      '    uses: ./.github/workflows/tests.yml',
      '  deploy:',
      '    needs: tests',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: sudo -E kubectl set image deployment/api api=ghcr.io/acme/api:1.2.3',
    ),
    want: [],
  },
  {
    what: 'gradle build runs the tests',
    input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: ./gradlew build', '      - run: docker push ghcr.io/acme/api:1.0.0'),
    want: [],
  },
]);

ruleTable('github-actions/deploy-without-tests', [
  {
    what: 'a job named like latest is not a test job',
    input: lines(
      'on: push',
      'jobs:',
      '  build-latest:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: make',
      '  deploy:',
      '    needs: build-latest',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: helm upgrade --install api ./chart --atomic',
    ),
    want: [7],
  },
  {
    what: 'camelCase test job id',
    input: lines('on: push', 'jobs:', '  unitTests:', '    uses: ./.github/workflows/unit.yml', '  deploy:', '    needs: unitTests', '    runs-on: ubuntu-24.04', '    steps:', '      - run: kubectl apply -f k8s/'),
    want: [],
  },
  {
    what: 'workflow_run with a manual trigger',
    input: lines('on:', '  workflow_dispatch:', '  workflow_run:', '    workflows: [CI]', '    types: [completed]', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: kubectl apply -f k8s/'),
    want: [],
  },
]);

ruleTable('github-actions/deploy-without-tests', [
  {
    what: 'end-to-end job on a kind cluster is not a deployment',
    input: lines(
      'on: pull_request',
      'jobs:',
      '  e2e:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: helm/kind-action@a1b0e391336a6ee6713a0583f8c6240d70863de3 # v1.12.0',
      '      - run: kubectl apply -f k8s/',
      '      - run: ./hack/e2e.sh',
    ),
    want: [],
  },
  {
    what: 'minikube started in a script',
    input: lines('on: push', 'jobs:', '  smoke:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: |', '          minikube start --driver=docker', '          helm install demo ./chart --wait'),
    want: [],
  },
]);
