import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/shell-form-cmd';

ruleTable('dockerfile/shell-form-cmd', [
  { what: 'shell-form CMD', input: 'FROM node:20-slim\nCMD node server.js\n', want: [2], messages: [message('CMD', '["node", "server.js"]')] },
  { what: 'lower-case entrypoint with quotes', input: 'FROM python:3.12-slim\nentrypoint python -m "my app"\n', want: [2], messages: [message('ENTRYPOINT', '["python", "-m", "my app"]')] },
  { what: 'shell syntax: no exec-form suggestion', input: 'FROM node:20-slim\nCMD node migrate.js && node server.js\n', want: [2], messages: [message('CMD', undefined)] },
  { what: 'multi-line shell form', input: 'FROM nginx:1.27\nCMD nginx \\\n    -g "daemon off;"\n', want: [2] },
  { what: 'final stage of a multi-stage build', input: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD /app --port 8080\n', want: [5] },
  { what: 'exec form', input: 'FROM node:20-slim\nCMD ["node", "server.js"]\nENTRYPOINT ["tini", "--"]\n', want: [] },
  { what: 'exec with a variable needs the shell and hands over PID 1', input: 'FROM python:3.12-slim\nCMD exec gunicorn --bind 0.0.0.0:$PORT app:app\n', want: [] },
  { what: 'non-POSIX SHELL', input: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Start-Service w3svc; ping -t localhost\n', want: [] },
]);
