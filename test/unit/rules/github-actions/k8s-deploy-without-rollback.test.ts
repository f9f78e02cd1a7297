import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/k8s-deploy-without-rollback';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (...steps: string[]): string => lines('on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', ...steps);

ruleTable('github-actions/k8s-deploy-without-rollback', [
  { what: 'apply with rollout status but no undo', input: job('      - name: Deploy', '        run: kubectl apply -f k8s/', '      - run: kubectl rollout status deployment/api'), want: [7], messages: [message('Deploy')] },
  {
    what: 'undo on failure',
    input: job('      - run: kubectl apply -f k8s/', '      - run: kubectl rollout status deployment/api', '      - if: failure()', '        run: kubectl rollout undo deployment/api'),
    want: [],
  },
  { what: 'helm --atomic rolls back itself', input: job('      - run: helm upgrade --install api ./chart --atomic'), want: [] },
  { what: 'helm without atomic', input: job('      - run: helm upgrade --install api ./chart --wait'), want: [6] },
  { what: 'helm rollback step', input: job('      - run: helm upgrade api ./chart --wait', '      - if: failure()', '        run: helm rollback api'), want: [] },
  { what: 'no deploy', input: job('      - run: kubectl diff -f k8s/'), want: [] },
]);
