import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/unknown-key';
import { DEVOPS_KEYS, PERMISSION_KEYS, TOP_KEYS } from '../../../../src/core/rules/aurora/config';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('aurora/unknown-key', [
  { what: 'permission typo in devops', input: lines('agents:', '  devops:', '    model: claude-sonnet-4-5', '    permission:', '      filesystem: ["/k8s"]'), want: [4], messages: [message('in agents.devops', 'permission', DEVOPS_KEYS, 'permissions')] },
  { what: 'unknown top-level key', input: lines('agents: {}', 'settings:', '  x: 1'), want: [2], messages: [message('at the top level', 'settings', TOP_KEYS)] },
  { what: 'filesytem typo', input: lines('agents:', '  devops:', '    permissions:', '      filesytem: ["/k8s"]'), want: [4], messages: [message('in agents.devops.permissions', 'filesytem', PERMISSION_KEYS, 'filesystem')] },
  { what: 'other agents are left alone', input: lines('agents:', '  reviewer:', '    anything: goes', '  devops:', '    model: claude-sonnet-4-5'), want: [] },
  {
    what: 'every known key',
    input: lines('agents:', '  devops:', '    model: claude-sonnet-4-5', '    temperature: 0.1', '    tools: [read_file]', '    permissions:', '      filesystem: ["/k8s"]', '      network: ["github.com"]', 'rules:', '  dockerfile/no-latest-tag: error'),
    want: [],
  },
  { what: 'empty file', input: '', want: [] },
]);
