import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apt-no-install-recommends';

ruleTable('dockerfile/apt-no-install-recommends', [
  { what: 'install without the flag', input: 'FROM debian:12\nRUN apt-get install -y curl\n', want: [2], messages: [message('apt-get')] },
  { what: 'multi-line RUN', input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\n', want: [3] },
  { what: 'lower-case run with apt', input: 'from debian:12\nrun apt install -y curl\n', want: [2] },
  { what: 'final stage of a multi-stage build', input: 'FROM debian:12 AS build\nRUN apt-get install -y make\nFROM debian:12-slim\nRUN apt-get install -y ca-certificates\n', want: [4] },
  { what: 'with --no-install-recommends', input: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', want: [] },
  { what: 'with -o APT::Install-Recommends=false', input: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n', want: [] },
  { what: 'apt configured earlier in the image', input: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/01norecommends\nRUN apt-get install -y curl\n', want: [] },
  { what: 'build stages do not reach the final image', input: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM gcr.io/distroless/base-debian12\n', want: [] },
]);

before(ready);

it('dockerfile/apt-no-install-recommends points at the offending text', () => {
  assertPointsAt('dockerfile/apt-no-install-recommends', 'Dockerfile', "FROM debian:12\nRUN apt-get install -y curl\n", 'apt-get install');
});
