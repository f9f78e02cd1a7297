import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/invalid-temperature';

const t = (v: string): string => `agents:\n  devops:\n    temperature: ${v}\n`;

ruleTable('aurora/invalid-temperature', [
  { what: 'above 1', input: t('1.5'), want: [3], messages: [message('1.5')] },
  { what: 'negative', input: t('-0.1'), want: [3] },
  { what: 'a string', input: t('"0.2"'), want: [3], messages: [message('0.2')] },
  { what: 'a word', input: t('low'), want: [3] },
  { what: 'zero', input: t('0'), want: [] },
  { what: 'one', input: t('1'), want: [] },
  { what: 'typical', input: t('0.1'), want: [] },
]);
