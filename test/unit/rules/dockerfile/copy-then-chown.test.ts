import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/copy-then-chown';

ruleTable('dockerfile/copy-then-chown', [
  { what: "chown of the copy destination", input: 'FROM node:20-slim\nCOPY . /srv/app\nRUN chown -R node /srv\n', want: [3], messages: [message('/srv', 2)] },
  { what: "relative to WORKDIR", input: 'FROM node:20-slim\nWORKDIR /app\nCOPY src ./src\nRUN chown -R node .\n', want: [4] },
  { what: "COPY --chown, other folders, not recursive", input: 'FROM node:20-slim\nCOPY --chown=node . /app\nRUN chown -R node /app\nCOPY a /opt/a\nRUN chown -R node /data && chown node /opt/a\n', want: [] },
]);
