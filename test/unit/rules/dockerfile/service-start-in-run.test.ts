import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/service-start-in-run';

ruleTable('dockerfile/service-start-in-run', [
  { what: "service start at the end", input: 'FROM debian:12-slim\nRUN service ssh start || true\n', want: [2], messages: [message('service ssh start')] },
  { what: "systemctl start", input: 'FROM fedora:40\nRUN systemctl start httpd\n', want: [2] },
  { what: "used in the same RUN", input: 'FROM mysql:8.4\nRUN service mysql start && mysql < /init.sql && service mysql stop\n', want: [] },
  { what: "enable is not start", input: 'FROM fedora:40\nRUN systemctl enable httpd\n', want: [] },
]);
