import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/wrong-type';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('aurora/wrong-type', [
  { what: 'tools as a string', input: lines('agents:', '  devops:', '    tools: read_file'), want: [3], messages: [message('agents.devops.tools', 'list of strings')] },
  { what: 'filesystem as a string', input: lines('agents:', '  devops:', '    permissions:', '      filesystem: /k8s'), want: [4], messages: [message('agents.devops.permissions.filesystem', 'list of strings')] },
  { what: 'rules as a list', input: lines('rules:', '  - dockerfile/no-latest-tag'), want: [2], messages: [message('rules', 'mapping')] },
  { what: 'devops as a string', input: lines('agents:', '  devops: claude'), want: [2] },
  { what: 'network with a nested list', input: lines('agents:', '  devops:', '    permissions:', '      network: [[github.com]]'), want: [4] },
  { what: 'model as a list', input: lines('agents:', '  devops:', '    model: [a, b]'), want: [3] },
  { what: 'exclude as a string', input: lines('exclude: test/**'), want: [1], messages: [message('exclude', 'list of strings')] },
  { what: 'exclude as a list of strings', input: lines('exclude:', '  - test/**'), want: [] },
  { what: 'empty sections are accepted', input: lines('agents:', '  devops:', '    tools:', 'rules:'), want: [] },
  { what: 'well-formed', input: lines('agents:', '  devops:', '    model: claude-sonnet-4-5', '    tools: [read_file]', '    permissions:', '      filesystem: ["/k8s"]', '      network: []', 'rules: {}'), want: [] },
]);
