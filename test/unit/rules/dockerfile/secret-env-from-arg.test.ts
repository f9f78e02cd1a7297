import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/secret-env-from-arg';

ruleTable('dockerfile/secret-env-from-arg', [
  { what: "ENV from ARG", input: 'FROM node:20-slim\nARG DB_PASSWORD\nENV DB_PASSWORD=$DB_PASSWORD\n', want: [3], messages: [message('DB_PASSWORD', 'DB_PASSWORD')] },
  { what: "other ENV values", input: 'FROM node:20-slim\nARG VERSION\nENV APP_VERSION=$VERSION\nENV PATH=/app/bin:$PATH\n', want: [] },
]);
