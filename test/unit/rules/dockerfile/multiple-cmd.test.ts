import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/multiple-cmd';

ruleTable('dockerfile/multiple-cmd', [
  { what: 'two CMDs', input: 'FROM node:20-slim\nCMD ["npm", "start"]\nCMD ["node", "server.js"]\n', want: [2], messages: [message('CMD', 3)] },
  { what: 'three ENTRYPOINTs, lower-case', input: 'FROM node:20-slim\nentrypoint ["a"]\nentrypoint ["b"]\nENTRYPOINT ["c"]\n', want: [2, 3] },
  { what: 'two HEALTHCHECKs', input: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n', want: [2] },
  { what: 'multi-line CMD counts once', input: 'FROM node:20-slim\nCMD ["node", \\\n     "a.js"]\nCMD ["node", "b.js"]\n', want: [2] },
  { what: 'one CMD per stage in a multi-stage build', input: 'FROM node:20 AS test\nCMD ["npm", "test"]\nFROM node:20-slim\nCMD ["node", "server.js"]\n', want: [] },
  { what: 'ENTRYPOINT and CMD together', input: 'FROM node:20-slim\nENTRYPOINT ["node"]\nCMD ["server.js"]\n', want: [] },
]);
