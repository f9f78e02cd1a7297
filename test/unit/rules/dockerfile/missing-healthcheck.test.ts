import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/missing-healthcheck';

ruleTable('dockerfile/missing-healthcheck', [
  { what: 'service without HEALTHCHECK', input: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n', want: [1], messages: [message()] },
  { what: 'lower-case, final stage of a multi-stage build', input: 'from node:20 as build\nrun npm ci\nfrom node:20-slim\nexpose 3000\n', want: [3] },
  { what: 'EXPOSE in an earlier stage the final one is built on', input: 'FROM nginx:1.27 AS base\nEXPOSE 80\nFROM base\nCOPY site /usr/share/nginx/html\n', want: [3] },
  { what: 'HEALTHCHECK over several lines', input: 'FROM node:20-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s \\\n  CMD ["node", "healthcheck.js"]\n', want: [] },
  { what: 'HEALTHCHECK NONE is a decision', input: 'FROM node:20-slim\nEXPOSE 3000\nHEALTHCHECK NONE\n', want: [] },
  { what: 'no EXPOSE: a job or CLI image', input: 'FROM python:3.12-slim\nCMD ["python", "job.py"]\n', want: [] },
  { what: 'distroless and scratch services', input: 'FROM golang:1.22 AS b\nFROM gcr.io/distroless/static-debian12\nEXPOSE 8080\n', want: [] },
  { what: 'EXPOSE only in a build stage', input: 'FROM node:20 AS dev\nEXPOSE 9229\nFROM node:20-slim\nCMD ["node", "worker.js"]\n', want: [] },
]);

before(ready);

it('dockerfile/missing-healthcheck points at the offending text', () => {
  assertPointsAt('dockerfile/missing-healthcheck', 'Dockerfile', 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n', 'FROM node:20-slim');
});
