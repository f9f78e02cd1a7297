import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/filesystem-escape';

const fs = (...entries: string[]): string => `agents:\n  devops:\n    permissions:\n      filesystem:\n${entries.map((e) => `        - ${JSON.stringify(e)}\n`).join('')}`;

ruleTable('aurora/filesystem-escape', [
  { what: 'parent directory', input: fs('../shared'), want: [5], messages: [message('../shared', 'parent')] },
  { what: 'climbs out after descending', input: fs('/k8s/../../etc'), want: [5] },
  { what: 'host system path', input: fs('/etc/nginx'), want: [5], messages: [message('/etc/nginx', 'host')] },
  { what: 'home directory', input: fs('~/.kube'), want: [5], messages: [message('~/.kube', 'home')] },
  { what: 'Windows drive', input: fs('C:\\Users\\me'), want: [5], messages: [message('C:\\Users\\me', 'drive')] },
  { what: 'workspace folders', input: fs('/k8s', '/terraform/**', '.github/workflows', 'charts/*/values.yaml'), want: [] },
  { what: '.. that stays inside', input: fs('/k8s/../terraform'), want: [] },
  { what: 'whole workspace is another rule', input: fs('/'), want: [] },
  { what: 'second entry only', input: fs('/k8s', '/usr/local/bin'), want: [6] },
]);
