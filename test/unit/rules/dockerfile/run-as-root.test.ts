import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/run-as-root';

ruleTable('dockerfile/run-as-root', [
  { what: 'no USER at all', input: 'FROM node:20-slim\nCMD ["node", "server.js"]\n', want: [1], messages: [message('no-user')] },
  { what: 'last USER is root', input: 'FROM node:20-slim\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "server.js"]\n', want: [4], messages: [message('root-user', 'root')] },
  { what: 'lower-case user 0:0', input: 'from debian:12-slim\nuser 0:0\n', want: [2] },
  { what: 'USER only in the build stage of a multi-stage build', input: 'FROM golang:1.22 AS build\nUSER nobody\nRUN go build -o /out/app\n\nFROM debian:12-slim\nCOPY --from=build /out/app /app\nCMD ["/app"]\n', want: [5] },
  { what: 'scratch image with a command', input: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', want: [1] },
  { what: 'non-root user at the end', input: 'FROM node:20-slim\nUSER root\nRUN apt-get update\nUSER node\nCMD ["node", "server.js"]\n', want: [] },
  { what: 'numeric user', input: 'FROM debian:12-slim\nUSER 10001:10001\n', want: [] },
  { what: 'USER inherited from an earlier stage', input: 'FROM node:20-slim AS base\nUSER node\n\nFROM base\nCOPY . .\n', want: [] },
  { what: 'distroless nonroot base', input: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n', want: [] },
  { what: 'scratch export stage without a command', input: 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /\n', want: [] },
  { what: 'privileges dropped with gosu in the entrypoint', input: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["docker-entrypoint.sh"]\n', want: [] },
  { what: 'base image for other images (no CMD, ENTRYPOINT or EXPOSE)', input: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\n', want: [] },
  { what: 'user from a build argument', input: 'FROM debian:12-slim\nARG APP_USER=app\nUSER ${APP_USER}\n', want: [] },
  { what: 'Windows base image', input: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n', want: [] },
]);
