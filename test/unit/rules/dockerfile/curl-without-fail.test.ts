import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/curl-without-fail';

ruleTable('dockerfile/curl-without-fail', [
  { what: "-o and a pipe", input: 'FROM debian:12-slim\nRUN curl -sSLO https://example.org/a.tgz\nRUN curl -sSL https://example.org/b.tgz | tar xz\n', want: [2, 3], messages: [message('file'), message('pipe')] },
  { what: "-f, clusters and checks", input: 'FROM debian:12-slim\nRUN curl -fsSLo /a https://example.org/a && curl --fail -o /b https://example.org/b && curl -sI https://example.org/ && curl -s https://example.org/health\n', want: [] },
]);
