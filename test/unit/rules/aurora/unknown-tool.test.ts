import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/unknown-tool';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const tools = (t: string): string => lines('agents:', '  devops:', `    tools: ${t}`);

ruleTable('aurora/unknown-tool', [
  { what: 'typo', input: tools('[run_shell_command, read_files]'), want: [3], messages: [message('read_files', 'read_file')] },
  { what: 'unknown tool', input: tools('[deploy]'), want: [3], messages: [message('deploy')] },
  { what: 'block list', input: lines('agents:', '  devops:', '    tools:', '      - read_file', '      - bash'), want: [5] },
  { what: 'all valid tools', input: tools('[run_shell_command, read_file, write_file]'), want: [] },
  { what: 'no tools key', input: lines('agents:', '  devops:', '    model: claude-sonnet-4-5'), want: [] },
]);
