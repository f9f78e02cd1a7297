import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/wget-without-progress';

ruleTable('dockerfile/wget-without-progress', [
  { what: "plain wget", input: 'FROM debian:12-slim\nRUN wget https://example.org/a\n', want: [2], messages: [message()] },
  { what: "quiet, clustered and progress", input: 'FROM debian:12-slim\nRUN wget -q https://example.org/a && wget -qO- https://example.org/b | tar x && wget --progress=dot:giga https://example.org/c && wget -nv https://example.org/d\n', want: [] },
]);
