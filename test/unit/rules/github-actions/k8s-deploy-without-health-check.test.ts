import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/k8s-deploy-without-health-check';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (...steps: string[]): string => lines('on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', ...steps);

ruleTable('github-actions/k8s-deploy-without-health-check', [
  { what: 'kubectl apply alone', input: job('      - name: Apply', '        run: kubectl apply -f k8s/'), want: [7], messages: [message('Apply')] },
  { what: 'followed by rollout status', input: job('      - run: kubectl apply -f k8s/', '      - run: kubectl rollout status deployment/api --timeout=120s'), want: [] },
  { what: 'helm upgrade without --wait', input: job('      - run: helm upgrade --install api ./chart'), want: [6] },
  { what: 'helm upgrade --atomic', input: job('      - run: helm upgrade --install api ./chart --atomic --timeout 5m'), want: [] },
  { what: 'kubectl wait in the same script', input: job('      - run: |', '          kubectl set image deployment/api api=ghcr.io/acme/api:1.2.3', '          kubectl wait --for=condition=available deployment/api --timeout=120s'), want: [] },
  {
    what: 'health check in a later job that needs the deploy',
    input: lines(
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: kubectl apply -k overlays/prod',
      '  verify:',
      '    needs: deploy',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: kubectl rollout status deployment/api',
    ),
    want: [],
  },
  { what: 'no Kubernetes deploy', input: job('      - run: kubectl get pods'), want: [] },
  { what: 'reported once per job at the last deploy step', input: job('      - run: kubectl apply -f ns.yaml', '      - run: kubectl apply -f app.yaml'), want: [7] },
]);

ruleTable('github-actions/k8s-deploy-without-health-check', [
  { what: 'k3d test cluster', input: job('      - run: k3d cluster create ci', '      - run: kubectl apply -f k8s/'), want: [] },
]);
