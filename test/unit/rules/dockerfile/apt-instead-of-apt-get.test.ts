import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apt-instead-of-apt-get';

ruleTable('dockerfile/apt-instead-of-apt-get', [
  { what: 'apt install', input: 'FROM debian:12\nRUN apt install -y curl\n', want: [2], messages: [message('apt-get')] },
  { what: 'apt search belongs to apt-cache', input: 'FROM debian:12\nRUN apt search curl\n', want: [2], messages: [message('apt-cache')] },
  { what: 'multi-line RUN with update and install', input: 'FROM debian:12\nRUN apt update \\\n && apt install -y curl\n', want: [2, 3] },
  { what: 'lower-case run in a later stage', input: 'FROM debian:12 AS a\nRUN true\nfrom debian:12\nrun apt list --installed\n', want: [4], messages: [message(undefined)] },
  { what: 'apt-get and apt-cache', input: 'FROM debian:12\nRUN apt-get update && apt-cache policy curl\n', want: [] },
  { what: 'apt as an argument', input: 'FROM debian:12\nRUN echo apt install && ls /etc/apt\n', want: [] },
  { what: 'exec form RUN is not parsed as shell', input: 'FROM debian:12\nRUN ["apt", "install", "-y", "curl"]\n', want: [] },
]);

before(ready);

it('dockerfile/apt-instead-of-apt-get points at the offending text', () => {
  assertPointsAt('dockerfile/apt-instead-of-apt-get', 'Dockerfile', 'FROM debian:12\nRUN apt install -y curl\n', 'apt install -y curl');
});
