import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/secret-build-arg';

ruleTable('dockerfile/secret-build-arg', [
  { what: "secret-named ARG", input: 'FROM node:20-slim\nARG GITHUB_TOKEN\nARG DB_PASSWORD=\n', want: [2, 3], messages: [message('GITHUB_TOKEN'), message('DB_PASSWORD')] },
  { what: "other names and values", input: 'FROM node:20-slim\nARG NODE_ENV\nARG TOKEN_FILE\nARG VERSION=1.0\n', want: [] },
]);
