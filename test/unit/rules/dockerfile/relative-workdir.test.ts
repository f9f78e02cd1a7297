import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/relative-workdir';

ruleTable('dockerfile/relative-workdir', [
  { what: 'relative WORKDIR', input: 'FROM node:20-slim\nWORKDIR app\n', want: [2], messages: [message('app')] },
  { what: 'lower-case, dot-relative', input: 'from node:20-slim\nworkdir ./src\n', want: [2] },
  { what: 'quoted relative path', input: 'FROM node:20-slim\nWORKDIR "app/web"\n', want: [2], messages: [message('app/web')] },
  { what: 'in both stages of a multi-stage build', input: 'FROM golang:1.22 AS build\nWORKDIR src\nFROM alpine:3.20\nWORKDIR app\n', want: [2, 4] },
  { what: 'absolute', input: 'FROM node:20-slim\nWORKDIR /app\n', want: [] },
  { what: 'from a variable', input: 'FROM node:20-slim\nARG APP_HOME=/app\nWORKDIR $APP_HOME\nWORKDIR ${APP_HOME}/web\n', want: [] },
  { what: 'Windows absolute path', input: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', want: [] },
]);

before(ready);

it('dockerfile/relative-workdir points at the offending text', () => {
  assertPointsAt('dockerfile/relative-workdir', 'Dockerfile', 'FROM node:20-slim\nWORKDIR app\n', 'app');
});
