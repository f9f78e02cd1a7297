import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/no-digest-pin';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTable('dockerfile/no-digest-pin', [
  { what: 'tag without digest', input: 'FROM node:20.11-alpine\n', want: [1], messages: [message('node:20.11-alpine')] },
  { what: 'lower-case from with a registry and port', input: 'from registry.local:5000/team/base:1.2\n', want: [1] },
  { what: 'COPY --from an external tagged image', input: `FROM alpine:3.20@${DIGEST}\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n`, want: [2], messages: [message('nginx:1.27')] },
  { what: 'every stage of a multi-stage build', input: 'FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM alpine:3.20\nCOPY --from=build /app /app\n', want: [1, 4] },
  { what: 'tag and digest', input: `FROM node:20.11-alpine@${DIGEST}\n`, want: [] },
  { what: 'digest only', input: `FROM node@${DIGEST} AS base\nFROM base\n`, want: [] },
  { what: 'untagged and latest are left to no-latest-tag', input: 'FROM ubuntu\nFROM node:latest\n', want: [] },
  { what: 'scratch, stage names and indexes', input: `FROM golang:1.22@${DIGEST} AS build\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n`, want: [] },
  { what: 'image from a build argument', input: 'ARG BASE=node:20\nFROM ${BASE}\n', want: [] },
]);
