import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/onbuild-invalid-trigger';

ruleTable('dockerfile/onbuild-invalid-trigger', [
  { what: "FROM, ONBUILD and MAINTAINER", input: 'FROM node:20-slim\nONBUILD FROM alpine\nONBUILD ONBUILD RUN true\nonbuild maintainer me\n', want: [2, 3, 4], messages: [message('FROM'), message('ONBUILD'), message('MAINTAINER')] },
  { what: "valid triggers", input: 'FROM node:20-slim\nONBUILD COPY . /src\nONBUILD RUN npm ci\n', want: [] },
]);
