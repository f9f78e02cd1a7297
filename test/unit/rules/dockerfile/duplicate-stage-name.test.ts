import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/duplicate-stage-name';

ruleTable('dockerfile/duplicate-stage-name', [
  { what: 'name used twice', input: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim AS build\n', want: [3], messages: [message('build', 1)] },
  { what: 'lower-case as, different case', input: 'from golang:1.22 as Builder\nfrom alpine:3.20 as builder\n', want: [2] },
  { what: 'three times', input: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n', want: [2, 3] },
  { what: 'with a platform flag', input: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=$BUILDPLATFORM node:20 AS build\n', want: [2] },
  { what: 'unique names', input: 'FROM node:20 AS deps\nFROM node:20 AS build\nFROM node:20-slim\n', want: [] },
  { what: 'unnamed stages', input: 'FROM node:20\nFROM node:20-slim\n', want: [] },
]);

before(ready);

it('dockerfile/duplicate-stage-name points at the offending text', () => {
  assertPointsAt('dockerfile/duplicate-stage-name', 'Dockerfile', 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim AS build\n', 'build');
});
