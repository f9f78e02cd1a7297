import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/package-signature-disabled';

ruleTable('dockerfile/package-signature-disabled', [
  { what: 'apk --allow-untrusted', input: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/pkg.apk\n', want: [2], messages: [message('apk --allow-untrusted')] },
  { what: 'apt-get --allow-unauthenticated, multi-line', input: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y \\\n      --allow-unauthenticated tool\n', want: [4] },
  { what: 'lower-case, yum --nogpgcheck and dnf setopt', input: 'from rockylinux:9\nrun yum install -y --nogpgcheck tool\nrun dnf install -y --setopt=gpgcheck=0 tool\n', want: [2, 3] },
  { what: 'rpm --nosignature in a later stage', input: 'FROM rockylinux:9 AS a\nRUN true\nFROM rockylinux:9\nRUN rpm -i --nosignature /tmp/tool.rpm\n', want: [4] },
  { what: 'apt-get --force-yes', input: 'FROM debian:12-slim\nRUN apt-get install -y --force-yes curl\n', want: [2] },
  { what: 'signed installs', input: 'FROM debian:12-slim\nRUN apt-get install -y curl && rpm --import /etc/pki/key.asc\n', want: [] },
  { what: 'apk add --no-cache', input: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', want: [] },
]);

before(ready);

it('dockerfile/package-signature-disabled points at the offending text', () => {
  assertPointsAt('dockerfile/package-signature-disabled', 'Dockerfile', "FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/pkg.apk\n", '--allow-untrusted');
});
