import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/chmod-setuid';

ruleTable('dockerfile/chmod-setuid', [
  { what: "u+s and 4755", input: 'FROM debian:12-slim\nRUN chmod u+s /a && chmod 4755 /b\n', want: [2, 2], messages: [message('u+s'), message('4755')] },
  { what: "setgid and plain modes", input: 'FROM debian:12-slim\nRUN chmod g+s /shared && chmod 2775 /team && chmod 0755 /c\n', want: [] },
]);
