import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/update-without-install';

ruleTable('dockerfile/update-without-install', [
  { what: 'apt-get update alone', input: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n', want: [2], messages: [message('apt-get')] },
  { what: 'lower-case apk update alone', input: 'from alpine:3.20\nrun apk update\nrun apk add --no-cache curl\n', want: [2], messages: [message('apk')] },
  { what: 'multi-line RUN without an install', input: 'FROM debian:12-slim\nRUN echo start \\\n && apt-get update -qq \\\n && echo done\n', want: [3] },
  { what: 'in the build stage', input: 'FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12-slim\nRUN true\n', want: [2] },
  { what: 'update and install together', input: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n', want: [] },
  { what: 'update and upgrade', input: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y upgrade\n', want: [] },
]);

before(ready);

it('dockerfile/update-without-install points at the offending text', () => {
  assertPointsAt('dockerfile/update-without-install', 'Dockerfile', 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n', 'apt-get update');
});
