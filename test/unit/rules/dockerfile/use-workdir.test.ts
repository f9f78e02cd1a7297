import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/use-workdir';

ruleTable('dockerfile/use-workdir', [
  { what: 'RUN starting with cd', input: 'FROM node:20-slim\nRUN cd /app && npm ci\n', want: [2], messages: [message('first', '/app')] },
  { what: 'cd alone has no effect', input: 'FROM node:20-slim\nRUN cd /app\nRUN npm ci\n', want: [2], messages: [message('last', '/app')] },
  { what: 'multi-line RUN, relative directory', input: 'FROM node:20-slim\nRUN cd frontend \\\n && npm ci \\\n && npm run build\n', want: [2] },
  { what: 'lower-case run in a later stage', input: 'FROM node:20 AS build\nWORKDIR /src\nfrom node:20-slim\nrun cd /srv && ls\n', want: [4] },
  { what: 'cd into an unpacked source tree in the middle of a RUN', input: 'FROM debian:12\nRUN curl -fsSLO https://example.com/x-1.0.tar.gz \\\n && tar xzf x-1.0.tar.gz \\\n && cd x-1.0 \\\n && ./configure && make install\n', want: [] },
  { what: 'scratch directory /tmp', input: 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz\n', want: [] },
  { what: 'cd inside a subshell', input: 'FROM debian:12\nRUN (cd /src && make) && make -C /lib\n', want: [] },
  { what: 'cd to a computed directory', input: 'FROM debian:12\nRUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.tgz\n', want: [] },
  { what: 'WORKDIR', input: 'FROM node:20-slim\nWORKDIR /app\nRUN npm ci\n', want: [] },
]);
