import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/no-dockerignore';

const none = { fileExists: (): boolean => false };
const only = (name: string) => ({ fileExists: (p: string): boolean => p === name });

ruleTable('dockerfile/no-dockerignore', [
  { what: 'COPY . . without .dockerignore', input: 'FROM node:20-slim\nCOPY . .\n', env: none, want: [2], messages: [message('COPY')] },
  { what: 'lower-case add ./ with --chown', input: 'from node:20-slim\nadd --chown=node:node ./ /app/\n', env: none, want: [2], messages: [message('ADD')] },
  { what: 'reported once, at the first whole-context copy of a multi-stage build', input: 'FROM node:20 AS build\nCOPY . .\nFROM node:20-slim\nCOPY . /app\n', env: none, want: [2] },
  { what: 'exec-form COPY', input: 'FROM node:20-slim\nCOPY [".", "/app"]\n', env: none, want: [2] },
  { what: '.dockerignore beside the Dockerfile', input: 'FROM node:20-slim\nCOPY . .\n', env: only('.dockerignore'), want: [] },
  { what: 'Dockerfile-specific ignore file', path: 'api.Dockerfile', input: 'FROM node:20-slim\nCOPY . .\n', env: only('api.Dockerfile.dockerignore'), want: [] },
  { what: 'host cannot tell: stay silent', input: 'FROM node:20-slim\nCOPY . .\n', want: [] },
  { what: 'only named files copied', input: 'FROM node:20-slim\nCOPY package.json src/ ./\nCOPY --from=build . /app\n', env: none, want: [] },
]);

before(ready);

it('dockerfile/no-dockerignore points at the offending text', () => {
  assertPointsAt('dockerfile/no-dockerignore', 'Dockerfile', 'FROM node:20-slim\nCOPY . .\n', '.', none);
});
