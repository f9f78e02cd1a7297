import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/build-tools-in-final-image';

ruleTable('dockerfile/build-tools-in-final-image', [
  { what: 'gcc installed in a single-stage image', input: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n', want: [2], messages: [message('packages', 'gcc')] },
  { what: 'multi-line apt install', input: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      build-essential \\\n      cmake \\\n && rm -rf /var/lib/apt/lists/*\n', want: [4], messages: [message('packages', 'build-essential, cmake')] },
  { what: 'Go toolchain image as the final image, lower-case', input: 'from golang:1.22\nworkdir /src\ncopy . .\nrun go build -o /app\ncmd ["/app"]\n', want: [1] },
  { what: 'JDK in the final stage of a multi-stage build', input: 'FROM maven:3.9-eclipse-temurin-21 AS build\nRUN mvn package\nFROM eclipse-temurin:21-jdk\nCOPY --from=build /target/app.jar /app.jar\n', want: [3] },
  { what: 'apk build-base in the final image', input: 'FROM alpine:3.20\nRUN apk add --no-cache build-base\n', want: [2] },
  { what: 'compilers only in the build stage', input: 'FROM golang:1.22 AS build\nRUN apt-get install -y make\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n', want: [] },
  { what: 'build deps removed again (apk --virtual)', input: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 \\\n && apk del .build-deps\n', want: [] },
  { what: 'build deps purged (apt-get)', input: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc \\\n && pip install --no-cache-dir uwsgi==2.0.25 \\\n && apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*\n', want: [] },
  { what: 'apt-mark auto and purge --auto-remove in the same RUN', input: 'FROM debian:12-slim\nRUN set -eux; \\\n\tsavedAptMark="$(apt-mark showmanual)"; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends gcc make; \\\n\tmake -C /src install; \\\n\tapt-mark auto \'.*\' > /dev/null; \\\n\tapt-mark manual $savedAptMark; \\\n\tapt-get purge -y --auto-remove; \\\n\trm -rf /var/lib/apt/lists/*\n', want: [] },
  { what: 'dev container Dockerfile', path: '.devcontainer/Dockerfile', input: 'FROM golang:1.22\nRUN apt-get install -y make\n', want: [] },
  { what: 'JRE final image', input: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n', want: [] },
]);
