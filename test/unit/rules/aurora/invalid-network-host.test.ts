import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/invalid-network-host';

const net = (...entries: string[]): string => `agents:\n  devops:\n    permissions:\n      network:\n${entries.map((e) => `        - ${JSON.stringify(e)}\n`).join('')}`;

ruleTable('aurora/invalid-network-host', [
  { what: 'everything', input: net('*'), want: [5], messages: [message('*', 'everything')] },
  { what: 'a whole TLD', input: net('*.com'), want: [5], messages: [message('*.com', 'tld')] },
  { what: 'a whole second-level TLD', input: net('*.co.uk'), want: [5] },
  { what: 'URL', input: net('https://github.com/acme'), want: [5], messages: [message('https://github.com/acme', 'url')] },
  { what: 'port', input: net('objects.githubusercontent.com:443'), want: [5], messages: [message('objects.githubusercontent.com:443', 'port')] },
  { what: 'spaces', input: net('github .com'), want: [5], messages: [message('github .com', 'malformed')] },
  { what: 'empty', input: net(''), want: [5], messages: [message('', 'empty')] },
  { what: 'wildcard in the middle', input: net('api.*.example.com'), want: [5] },
  { what: 'good hosts', input: net('github.com', 'api.github.com', '*.amazonaws.com', '*.s3.eu-west-1.amazonaws.com', 'localhost', '10.0.0.12', 'registry-1.docker.io'), want: [] },
]);
