import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/secret-in-env';

ruleTable('dockerfile/secret-in-env', [
  { what: 'password in ENV', input: 'FROM postgres:16\nENV POSTGRES_PASSWORD=s3cr3t-Pa55\n', want: [2], messages: [message('ENV', 'POSTGRES_PASSWORD', 'secret-like name')] },
  { what: 'token default in ARG', input: 'FROM node:20-slim\nARG NPM_TOKEN=abcd1234efgh5678\n', want: [2], messages: [message('ARG', 'NPM_TOKEN', 'secret-like name')] },
  { what: 'known key format under any name, lower-case', input: 'from debian:12\nenv BOOTSTRAP=AKIAIOSFODNN7EXAMPLE\n', want: [2], messages: [message('ENV', 'BOOTSTRAP', 'AWS access key id')] },
  { what: 'several properties, multi-line, legacy syntax', input: 'FROM debian:12\nENV APP_ENV=production \\\n    API_KEY="k-9f8e7d6c5b4a"\nENV SECRET_KEY_BASE 0123456789abcdef\n', want: [3, 4] },
  { what: 'password in a connection URL', input: 'FROM debian:12 AS build\nRUN true\nFROM debian:12\nENV DATABASE_URL=postgres://app:hunter2x@db:5432/app\n', want: [4] },
  { what: 'ARG without default and references', input: 'FROM node:20-slim\nARG NPM_TOKEN\nENV API_KEY=${API_KEY}\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n', want: [] },
  { what: 'names that only look secret', input: 'FROM node:20-slim\nENV PASSWORD_MIN_LENGTH=12 AUTH_ENABLED=true TOKEN_TTL=3600 SECRET_FILE=/run/secrets/app AUTH_URL=https://auth.example.com\n', want: [] },
  { what: 'placeholder values', input: 'FROM node:20-slim\nENV API_KEY=changeme DB_PASSWORD=""\n', want: [] },
]);

before(ready);

it('dockerfile/secret-in-env points at the offending text', () => {
  assertPointsAt('dockerfile/secret-in-env', 'Dockerfile', "FROM postgres:16\nENV POSTGRES_PASSWORD=s3cr3t-Pa55\n", 'POSTGRES_PASSWORD');
});
