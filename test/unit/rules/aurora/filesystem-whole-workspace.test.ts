import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/filesystem-whole-workspace';

const fs = (list: string): string => `agents:\n  devops:\n    permissions:\n      filesystem: ${list}\n`;

ruleTable('aurora/filesystem-whole-workspace', [
  { what: 'root', input: fs('["/"]'), want: [4], messages: [message('/')] },
  { what: 'glob of everything', input: fs('["/**"]'), want: [4], messages: [message('/**')] },
  { what: 'dot', input: fs('["."]'), want: [4] },
  { what: 'folders', input: fs('["/k8s", "/terraform", "/.github"]'), want: [] },
  { what: 'folder globs', input: fs('["/k8s/**", "charts/*"]'), want: [] },
]);
