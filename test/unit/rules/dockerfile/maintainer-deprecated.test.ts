import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/maintainer-deprecated';

ruleTable('dockerfile/maintainer-deprecated', [
  { what: 'MAINTAINER', input: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n', want: [2], messages: [message()] },
  { what: 'lower-case maintainer', input: 'from debian:12\nmaintainer jane@example.com\n', want: [2] },
  { what: 'quoted value', input: 'FROM debian:12\nMAINTAINER "Platform Team"\n', want: [2] },
  { what: 'in each stage of a multi-stage build', input: 'FROM debian:12 AS a\nMAINTAINER a\nFROM debian:12\nMAINTAINER b\n', want: [2, 4] },
  { what: 'LABEL maintainer', input: 'FROM debian:12\nLABEL maintainer="Jane Doe <jane@example.com>"\n', want: [] },
  { what: 'OCI authors label', input: 'FROM debian:12\nLABEL org.opencontainers.image.authors="jane@example.com"\n', want: [] },
]);

before(ready);

it('dockerfile/maintainer-deprecated points at the offending text', () => {
  assertPointsAt('dockerfile/maintainer-deprecated', 'Dockerfile', 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n', 'MAINTAINER Jane Doe <jane@example.com>');
});
