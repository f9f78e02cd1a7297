import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/invalid-model';

const m = (v: string): string => `agents:\n  devops:\n    model: ${v}\n`;

ruleTable('aurora/invalid-model', [
  { what: 'display name with a space', input: m('Claude Opus'), want: [3], messages: [message('Claude Opus')] },
  { what: 'empty string', input: m('""'), want: [3], messages: [message('')] },
  { what: 'empty value', input: m(''), want: [3] },
  { what: 'leading dash', input: m('-claude'), want: [3] },
  { what: 'dated model id', input: m('claude-3-opus-20240229'), want: [] },
  { what: 'alias', input: m('claude-sonnet-4-5'), want: [] },
  { what: 'provider-prefixed id', input: m('anthropic.claude-3-5-sonnet-20241022-v2:0'), want: [] },
  { what: 'no model (default)', input: 'agents:\n  devops:\n    temperature: 0.1\n', want: [] },
]);
