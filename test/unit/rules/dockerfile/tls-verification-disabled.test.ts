import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/tls-verification-disabled';

ruleTable('dockerfile/tls-verification-disabled', [
  { what: 'curl -k inside a flag cluster', input: 'FROM debian:12\nRUN curl -fsSLk -o /tmp/x https://example.com/x\n', want: [2], messages: [message('curl -fsSLk')] },
  { what: 'wget --no-check-certificate, multi-line', input: 'FROM debian:12\nRUN apt-get update \\\n && wget --no-check-certificate \\\n      https://example.com/x.tgz\n', want: [3], messages: [message('wget --no-check-certificate')] },
  { what: 'pip --trusted-host and pip config', input: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.internal -r requirements.txt\nRUN pip config set global.trusted-host pypi.internal\n', want: [2, 3] },
  { what: 'npm and yarn strict-ssl false', input: 'FROM node:20-slim\nRUN npm config set strict-ssl false\nRUN yarn config set strict-ssl false\nRUN npm set strict-ssl=false\n', want: [2, 3, 4] },
  { what: 'git http.sslVerify false, lower-case', input: 'from debian:12\nrun git config --global http.sslVerify false\nrun git -c http.sslverify=false clone https://git.internal/x.git\n', want: [2, 3] },
  { what: 'environment variables in ENV and ARG', input: 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nARG PYTHONHTTPSVERIFY=0\nENV GIT_SSL_NO_VERIFY=1 NPM_CONFIG_STRICT_SSL=false\n', want: [2, 3, 4, 4] },
  { what: 'variables in RUN: prefix, export and env', input: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\nRUN export PIP_TRUSTED_HOST=pypi.internal && pip install -r r.txt\nRUN env PYTHONHTTPSVERIFY=0 python app.py\n', want: [2, 3, 4] },
  { what: 'later stage of a multi-stage build', input: 'FROM alpine:3.20 AS a\nRUN true\nFROM alpine:3.20\nRUN wget --no-check-certificate -qO /x https://example.com/x\n', want: [4] },
  { what: 'verification on', input: 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal.pem\nRUN curl -fsSL https://example.com/x -o /x && npm config set strict-ssl true && git config --global http.sslVerify true\n', want: [] },
  { what: 'curl -K reads a config file, -o k is a file name', input: 'FROM debian:12\nRUN curl -K /etc/curlrc https://example.com && curl -o k https://example.com\n', want: [] },
]);

before(ready);

it('dockerfile/tls-verification-disabled points at the offending text', () => {
  assertPointsAt('dockerfile/tls-verification-disabled', 'Dockerfile', 'FROM debian:12\nRUN curl -fsSLk -o /tmp/x https://example.com/x\n', 'curl -fsSLk -o /tmp/x https://example.com/x');
});
