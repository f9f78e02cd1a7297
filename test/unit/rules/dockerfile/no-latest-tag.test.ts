import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/no-latest-tag';

ruleTable('dockerfile/no-latest-tag', [
  { what: 'untagged FROM', input: 'FROM ubuntu\nRUN echo hi\n', want: [1], messages: [message('ubuntu', 'untagged')] },
  { what: 'latest FROM', input: 'FROM node:latest\n', want: [1], messages: [message('node:latest', 'latest')] },
  { what: 'registry with port, untagged', input: 'FROM registry.local:5000/team/app\n', want: [1] },
  { what: 'COPY --from an untagged image', input: 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx\n', want: [2] },
  { what: 'RUN --mount from an untagged image, lower-case', input: 'FROM alpine:3.20\nrun --mount=type=bind,from=busybox,source=/bin,target=/mnt/bin ls /mnt/bin\n', want: [2], messages: [message('busybox', 'untagged')] },
  { what: 'multi-stage: FROM latest in the build stage, mounts from a stage', input: 'FROM golang:latest AS build\nRUN go build -o /out/app\n\nFROM alpine:3.20\nRUN --mount=type=bind,from=build,source=/out,target=/out cp /out/app /app\n', want: [1] },
  { what: 'multi-line FROM with a platform flag', input: 'FROM --platform=$BUILDPLATFORM \\\n     node:latest AS build\n', want: [2] },
  { what: 'pinned tag', input: 'FROM node:20.11-alpine\n', want: [] },
  { what: 'digest pin', input: 'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', want: [] },
  { what: 'scratch', input: 'FROM scratch\nCOPY app /app\n', want: [] },
  { what: 'earlier stage by name', input: 'FROM golang:1.22 AS build\nFROM build\nCOPY --from=build /out /out\n', want: [] },
  { what: 'stage index in COPY --from', input: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /out\n', want: [] },
  { what: 'variable image', input: 'ARG BASE=node:20\nFROM ${BASE}\n', want: [] },
  { what: 'suppressed by aurora-ignore', input: '# aurora-ignore dockerfile/no-latest-tag base is rebuilt nightly\nFROM ubuntu\n', want: [] },
  { what: 'suppressed by hadolint ignore', input: '# hadolint ignore=DL3007\nFROM ubuntu:latest\n', want: [] },
]);
