import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/no-sudo';

ruleTable('dockerfile/no-sudo', [
  { what: 'sudo apt-get', input: 'FROM debian:12\nRUN sudo apt-get install -y curl\n', want: [2], messages: [message()] },
  { what: 'multi-line RUN', input: 'FROM debian:12\nUSER app\nRUN echo start \\\n && sudo -u root chown app /data\n', want: [4] },
  { what: 'lower-case, sudo with a dynamic command', input: 'from debian:12\nrun sudo "$CMD"\n', want: [2] },
  { what: 'later stage of a multi-stage build, absolute path', input: 'FROM debian:12 AS a\nRUN true\nFROM debian:12\nRUN /usr/bin/sudo ls\n', want: [4] },
  { what: 'installing the sudo package is not calling it', input: 'FROM debian:12\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app\n', want: [] },
  { what: 'USER switch instead of sudo', input: 'FROM debian:12\nUSER root\nRUN chown app /data\nUSER app\n', want: [] },
]);

before(ready);

it('dockerfile/no-sudo points at the offending text', () => {
  assertPointsAt('dockerfile/no-sudo', 'Dockerfile', 'FROM debian:12\nRUN sudo apt-get install -y curl\n', 'sudo');
});
