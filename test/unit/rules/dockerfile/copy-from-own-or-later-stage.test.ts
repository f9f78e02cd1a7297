import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/copy-from-own-or-later-stage';

ruleTable('dockerfile/copy-from-own-or-later-stage', [
  { what: 'copy from its own stage', input: 'FROM node:20 AS build\nCOPY --from=build /a /b\n', want: [2], messages: [message('build', 'own', 0)] },
  { what: 'copy from a later stage', input: 'FROM alpine:3.20 AS final\nCOPY --from=build /out /app\nFROM golang:1.22 AS build\nRUN go build -o /out\n', want: [2], messages: [message('build', 'later', 3)] },
  { what: 'lower-case, stage index pointing forward', input: 'from alpine:3.20\ncopy --from=1 /out /app\nfrom golang:1.22\n', want: [2] },
  { what: 'own stage by index', input: 'FROM golang:1.22\nRUN go build -o /out\nFROM alpine:3.20\nCOPY --from=1 /out /app\n', want: [4] },
  { what: 'earlier stage by name and index', input: 'FROM golang:1.22 AS build\nRUN go build -o /out\nFROM alpine:3.20\nCOPY --from=build /out /app\nCOPY --from=0 /out /app2\n', want: [] },
  { what: 'an image', input: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', want: [] },
]);
