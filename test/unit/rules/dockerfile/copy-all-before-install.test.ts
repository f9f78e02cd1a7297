import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/copy-all-before-install';

ruleTable('dockerfile/copy-all-before-install', [
  { what: 'COPY . . before npm ci', input: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', want: [3], messages: [message('npm ci', 4, 'node')] },
  { what: 'pip install -r in a multi-line RUN', input: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nRUN pip install --no-cache-dir \\\n      -r requirements.txt\n', want: [3], messages: [message('pip install', 4, 'python')] },
  { what: 'lower-case, go mod download in the build stage', input: 'from golang:1.22 as build\nworkdir /src\ncopy . .\nrun go mod download && go build -o /app\nfrom alpine:3.20\ncopy --from=build /app /app\n', want: [3] },
  { what: 'ADD . and mvn dependency:go-offline', input: 'FROM maven:3.9-eclipse-temurin-21\nADD . /build\nRUN mvn -B dependency:go-offline\n', want: [2] },
  { what: 'manifests first', input: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n', want: [] },
  { what: 'installing the project itself needs the sources', input: 'FROM python:3.12-slim\nCOPY . /src\nRUN pip install --no-cache-dir /src\n', want: [] },
  { what: 'npm install of named packages', input: 'FROM node:20-slim\nCOPY . .\nRUN npm install -g serve@14.2.3\n', want: [] },
  { what: 'COPY --from=build . is another stage', input: 'FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app .\nRUN npm ci --omit=dev\n', want: [] },
]);
