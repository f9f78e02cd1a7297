import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/chmod-world-writable';

ruleTable('dockerfile/chmod-world-writable', [
  { what: "777 and o+w", input: 'FROM debian:12-slim\nRUN chmod 777 /srv && chmod -R o+w /data && chmod a=rwx /x\n', want: [2, 2, 2], messages: [message('777'), message('o+w'), message('a=rwx')] },
  { what: "sticky, private and umask-limited modes", input: 'FROM debian:12-slim\nRUN chmod 1777 /scratch && chmod 755 /srv && chmod +w /x && chmod g+w /y && chmod o-w /z\n', want: [] },
  { what: "build stage only", input: 'FROM debian:12-slim AS build\nRUN chmod 777 /out\nFROM scratch\nCOPY --from=build /out /out\n', want: [] },
]);
