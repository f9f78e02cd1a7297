import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/pip-no-cache-dir';

ruleTable('dockerfile/pip-no-cache-dir', [
  { what: 'pip install', input: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', want: [2], messages: [message()] },
  { what: 'python -m pip and pip3 in a multi-line RUN', input: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip==24.0 \\\n && pip3 install flask==3.0.3\n', want: [2, 3] },
  { what: 'lower-case run in the final stage', input: 'from python:3.12 as build\nrun pip install -r requirements.txt\nfrom python:3.12-slim\nrun pip install gunicorn==22.0.0\n', want: [4] },
  { what: '--no-cache-dir', input: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n', want: [] },
  { what: 'PIP_NO_CACHE_DIR set by ENV', input: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n', want: [] },
  { what: 'cache mount', input: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n', want: [] },
  { what: 'pip freeze is not an install', input: 'FROM python:3.12-slim\nRUN pip freeze > /tmp/req.txt\n', want: [] },
  { what: 'uv pip install is another tool', input: 'FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt\n', want: [] },
]);

before(ready);

it('dockerfile/pip-no-cache-dir points at the offending text', () => {
  assertPointsAt('dockerfile/pip-no-cache-dir', 'Dockerfile', "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n", 'pip install');
});
