import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/copy-multiple-sources-dest';

ruleTable('dockerfile/copy-multiple-sources-dest', [
  { what: "two sources", input: 'FROM node:20-slim\nCOPY a.json b.json /app\n', want: [2], messages: [message('COPY', 2, '/app')] },
  { what: "trailing slash, one source and variables", input: 'FROM node:20-slim\nCOPY a.json b.json /app/\nCOPY a.json /app\nCOPY a.json b.json $DEST\n', want: [] },
]);
