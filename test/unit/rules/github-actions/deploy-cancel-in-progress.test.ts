import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (top: string[], job: string[], run: string): string => lines('on: push', ...top, 'jobs:', '  a:', '    runs-on: ubuntu-24.04', ...job, '    steps:', `      - run: ${run}`);
const cancel = ['concurrency:', '  group: g', '  cancel-in-progress: true'];

ruleTable('github-actions/deploy-cancel-in-progress', [
  { what: 'workflow group on a deploy', input: wf(cancel, [], 'kubectl apply -f k8s/'), want: [4] },
  { what: 'job group', input: wf([], ['    concurrency:', '      group: d', '      cancel-in-progress: true'], 'terraform apply -auto-approve'), want: [7] },
  { what: 'job group replaces the workflow one', input: wf(cancel, ['    concurrency:', '      group: d'], 'kubectl apply -f k8s/'), want: [] },
  { what: 'tests only', input: wf(cancel, [], 'npm test'), want: [] },
  { what: 'image push only', input: wf(cancel, [], 'docker push ghcr.io/acme/app:1'), want: [] },
]);
