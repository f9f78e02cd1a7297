import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/secret-file-copied';

ruleTable('dockerfile/secret-file-copied', [
  { what: "key and .env", input: 'FROM debian:12-slim\nCOPY id_ed25519 /root/.ssh/\nCOPY .env /app/\n', want: [2, 3], messages: [message('COPY', 'id_ed25519'), message('COPY', '.env')] },
  { what: "public key, examples and other stages", input: 'FROM debian:12-slim AS build\nCOPY .netrc /root/\nFROM debian:12-slim\nCOPY id_ed25519.pub /root/.ssh/\nCOPY .env.example /app/\nCOPY --from=build /etc/os-release /x\n', want: [] },
]);
