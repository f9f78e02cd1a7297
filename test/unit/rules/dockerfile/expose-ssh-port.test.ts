import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/expose-ssh-port';

ruleTable('dockerfile/expose-ssh-port', [
  { what: 'EXPOSE 22', input: 'FROM debian:12-slim\nEXPOSE 22\n', want: [2], messages: [message()] },
  { what: 'lower-case, with other ports and /tcp', input: 'from debian:12-slim\nexpose 80 22/tcp\n', want: [2] },
  { what: 'inside a range, multi-line', input: 'FROM debian:12-slim\nEXPOSE 80 \\\n       20-25\n', want: [3] },
  { what: 'in a later stage', input: 'FROM debian:12 AS build\nRUN true\nFROM debian:12-slim\nEXPOSE 22\n', want: [4] },
  { what: 'other ports', input: 'FROM debian:12-slim\nEXPOSE 80 443 2222 8022\n', want: [] },
  { what: 'udp 22 is not SSH', input: 'FROM debian:12-slim\nEXPOSE 22/udp\n', want: [] },
]);

before(ready);

it('dockerfile/expose-ssh-port points at the offending text', () => {
  assertPointsAt('dockerfile/expose-ssh-port', 'Dockerfile', 'FROM debian:12-slim\nEXPOSE 80 22\n', '22');
});
