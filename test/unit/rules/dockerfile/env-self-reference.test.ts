import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/env-self-reference';

ruleTable('dockerfile/env-self-reference', [
  { what: "same instruction", input: 'FROM debian:12-slim\nENV A=1 B=${A}/x\n', want: [2], messages: [message('B', 'A')] },
  { what: "separate instructions and self-append", input: 'FROM debian:12-slim\nENV A=1\nENV B=$A PATH=/opt/bin:$PATH\nENV C=1 D=\\$C\n', want: [] },
]);
