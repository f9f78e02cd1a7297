import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/add-instead-of-copy';

ruleTable('dockerfile/add-instead-of-copy', [
  { what: 'ADD of a local file', input: 'FROM alpine:3.20\nADD app.py /app/\n', want: [2], messages: [message()] },
  { what: 'lower-case add', input: 'FROM alpine:3.20\nadd . /app\n', want: [2] },
  { what: 'ADD with --chown', input: 'FROM alpine:3.20\nADD --chown=app:app src /app\n', want: [2] },
  { what: 'exec-form ADD over several lines', input: 'FROM alpine:3.20\nADD ["config/app.yaml", \\\n     "/etc/app/"]\n', want: [2] },
  { what: 'multi-stage: only the local ADD of the final stage', input: 'FROM golang:1.22 AS build\nADD https://go.dev/dl/go1.22.3.src.tar.gz /tmp/\nFROM alpine:3.20\nADD --chmod=755 entrypoint.sh /usr/local/bin/\n', want: [4] },
  { what: 'ADD of a git repository and a variable source', input: 'FROM alpine:3.20\nADD git@github.com:acme/tools.git /opt/tools\nARG BUNDLE\nADD ${BUNDLE} /opt/\n', want: [] },
  { what: 'ADD of a URL', input: 'FROM alpine:3.20\nADD https://example.com/x.tgz /tmp/\n', want: [] },
  { what: 'ADD of a local archive (auto-extract)', input: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n', want: [] },
  { what: 'COPY', input: 'FROM alpine:3.20\nCOPY app.py /app/\n', want: [] },
]);

before(ready);

it('dockerfile/add-instead-of-copy points at the offending text', () => {
  assertPointsAt('dockerfile/add-instead-of-copy', 'Dockerfile', 'FROM alpine:3.20\nADD app.py /app/\n', 'ADD');
});
