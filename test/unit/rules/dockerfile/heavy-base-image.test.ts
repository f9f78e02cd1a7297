import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/heavy-base-image';

ruleTable('dockerfile/heavy-base-image', [
  { what: 'full node image', input: 'FROM node:20\nCMD ["node", "server.js"]\n', want: [1], messages: [message('node:20', 'node:20-slim (or -alpine)')] },
  { what: 'python with a Debian release', input: 'FROM python:3.12-bookworm\n', want: [1], messages: [message('python:3.12-bookworm', 'python:3.12-slim-bookworm')] },
  { what: 'lower-case debian', input: 'from debian:bookworm\n', want: [1], messages: [message('debian:bookworm', 'debian:bookworm-slim')] },
  { what: 'final stage of a multi-stage build, via a stage chain', input: 'FROM node:20 AS build\nRUN npm ci\nFROM ruby:3.3 AS base\nFROM base\n', want: [3] },
  { what: 'FROM split over lines with a platform flag', input: 'FROM --platform=linux/amd64 \\\n     python:3.12\nCMD ["python"]\n', want: [2] },
  { what: 'slim and alpine', input: 'FROM node:20-slim AS a\nFROM python:3.12-alpine\n', want: [] },
  { what: 'full image only in the build stage', input: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n', want: [] },
  { what: 'images without a slim variant, other registries', input: 'FROM ubuntu:24.04 AS a\nFROM registry.example.com/node:20\n', want: [] },
]);

before(ready);

it('dockerfile/heavy-base-image points at the offending text', () => {
  assertPointsAt('dockerfile/heavy-base-image', 'Dockerfile', "FROM node:20\nCMD [\"node\", \"server.js\"]\n", 'node:20');
});
