import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/exec-form-not-json';

ruleTable('dockerfile/exec-form-not-json', [
  { what: "unquoted", input: 'FROM python:3.12-slim\nCMD [python, app.py]\n', want: [2], messages: [message('CMD', false)] },
  { what: "single quotes", input: "FROM python:3.12-slim\nENTRYPOINT ['python', 'app.py']\n", want: [2] },
  { what: "valid JSON", input: 'FROM python:3.12-slim\nSHELL ["/bin/bash", "-c"]\nRUN ["python", "-V"]\nCMD ["python", "app.py"]\n', want: [] },
  { what: "the test command", input: 'FROM debian:12-slim\nRUN [ -f /etc/os-release ] && echo ok\nRUN [ "$A" = "x,y" ] || true\n', want: [] },
]);
