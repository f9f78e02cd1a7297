import { it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apk-no-cache';

ruleTable('dockerfile/apk-no-cache', [
  { what: 'apk add without --no-cache', input: 'FROM alpine:3.20\nRUN apk add curl\n', want: [2], messages: [message()] },
  { what: 'multi-line with --update', input: 'FROM alpine:3.20\nRUN apk update \\\n && apk add --update \\\n      curl \\\n      git\n', want: [3] },
  { what: 'lower-case in the final stage only', input: 'from alpine:3.20 as build\nrun apk add build-base\nfrom alpine:3.20\nrun apk add tzdata\n', want: [4] },
  { what: '--no-cache', input: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', want: [] },
  { what: 'cache removed in the same RUN', input: 'FROM alpine:3.20\nRUN apk add curl \\\n && rm -rf /var/cache/apk/*\n', want: [] },
  { what: 'cache mount', input: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', want: [] },
  { what: 'apk del and apk info are not installs', input: 'FROM alpine:3.20\nRUN apk del curl && apk info\n', want: [] },
]);

before(ready);

it('dockerfile/apk-no-cache points at the offending text', () => {
  assertPointsAt('dockerfile/apk-no-cache', 'Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n', 'apk add curl');
});

it('dockerfile/apk-no-cache: the fix drops the apk update that --no-cache makes useless (issue 17)', async () => {
  const { analyze } = await import('../../../../src/core');
  const { applyFixes } = await import('../../../../src/core/fixes');
  const input = 'FROM alpine:3.20\nRUN apk update && apk add curl\nRUN apk update; apk add git\nRUN apk update && echo hi && apk add jq\n';
  const findings = analyze('Dockerfile', input).filter((f) => f.ruleId === 'dockerfile/apk-no-cache');
  assert.equal(applyFixes(input, findings).text, 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\nRUN echo hi && apk add --no-cache jq\n');
});
