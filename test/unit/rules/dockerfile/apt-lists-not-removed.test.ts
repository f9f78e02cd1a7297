import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apt-lists-not-removed';

ruleTable('dockerfile/apt-lists-not-removed', [
  { what: 'update and install, lists kept', input: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', want: [2], messages: [message('apt-get')] },
  { what: 'multi-line RUN', input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && apt-get clean\n', want: [2] },
  { what: 'lower-case, removal in a later RUN does not count', input: 'from debian:12\nrun apt-get update && apt-get install -y curl\nrun rm -rf /var/lib/apt/lists/*\n', want: [2] },
  { what: 'final stage built on an earlier stage', input: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n', want: [2] },
  { what: 'removed in the same RUN', input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n', want: [] },
  { what: 'set -eux style with semicolons', input: 'FROM debian:12\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y curl; \\\n\trm -rf /var/lib/apt/lists/*\n', want: [] },
  { what: 'cache mount on the lists', input: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n', want: [] },
  { what: 'build stage of a multi-stage build', input: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y make\nFROM debian:12-slim\nCOPY --from=build /out /out\n', want: [] },
  { what: 'heredoc RUN', input: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n', want: [3] },
]);

before(ready);

it('dockerfile/apt-lists-not-removed points at the offending text', () => {
  assertPointsAt('dockerfile/apt-lists-not-removed', 'Dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', 'apt-get update && apt-get install -y curl');
});
