import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/package-upgrade';

ruleTable('dockerfile/package-upgrade', [
  { what: "apt-get upgrade", input: 'FROM debian:12-slim\nRUN apt-get upgrade -y\n', want: [2], messages: [message('apt-get upgrade')] },
  { what: "apk upgrade and dnf update", input: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\nFROM fedora:40\nRUN dnf update -y\n', want: [2, 4] },
  { what: "upgrades of named packages", input: 'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\nFROM fedora:40\nRUN dnf upgrade -y openssl\n', want: [] },
]);
