import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/useradd-without-no-log-init';

ruleTable('dockerfile/useradd-without-no-log-init', [
  { what: "large UID", input: 'FROM debian:12-slim\nRUN useradd --uid 200000 app\n', want: [2], messages: [message(200000)] },
  { what: "-l, --no-log-init and small UIDs", input: 'FROM debian:12-slim\nRUN useradd -l -u 200000 a && useradd --no-log-init -u 300000 b && useradd -u 10001 c && useradd -u $UID d\n', want: [] },
]);
