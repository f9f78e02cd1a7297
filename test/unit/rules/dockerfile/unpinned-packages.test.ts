import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/unpinned-packages';

ruleTable('dockerfile/unpinned-packages', [
  { what: 'apt packages without versions', input: 'FROM debian:12\nRUN apt-get install -y curl git=1:2.39.2-1.1\n', want: [2], messages: [message('apt', ['curl'])] },
  { what: 'multi-line apt install reports at the first unpinned package', input: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n      ca-certificates=20230311 \\\n      curl \\\n      jq\n', want: [4], messages: [message('apt', ['curl', 'jq'])] },
  { what: 'apk, pip, npm -g and gem', input: 'from alpine:3.20\nrun apk add --no-cache bash\nrun pip install flask\nrun npm install -g pnpm@latest\nrun gem install bundler\n', want: [2, 3, 4, 5] },
  { what: 'every stage of a multi-stage build', input: 'FROM node:20 AS build\nRUN npm i -g @angular/cli\nFROM node:20-slim\nRUN npm install --global serve\n', want: [2, 4] },
  { what: 'pinned everywhere', input: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u5 \\\n && apk add --no-cache bash=5.2.21-r0 \\\n && pip install flask==3.0.3 "requests>=2.31,<3" \\\n && npm install -g pnpm@9.1.0 @angular/cli@17.3.0 \\\n && gem install bundler:2.5.10 && gem install rake -v 13.2.1\n', want: [] },
  { what: 'requirements, constraints, local paths and wheels', input: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt && pip install -c constraints.txt flask && pip install . ./libs/common dist/app-1.0-py3-none-any.whl\n', want: [] },
  { what: 'local npm install and .deb files', input: 'FROM node:20-slim\nRUN npm install express && apt-get install -y ./vendor/tool_1.0_amd64.deb\n', want: [] },
  { what: 'package names from variables', input: 'FROM debian:12\nARG PKGS\nRUN apt-get install -y $PKGS\n', want: [] },
  { what: 'apk virtual package names are not packages', input: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n', want: [] },
]);
