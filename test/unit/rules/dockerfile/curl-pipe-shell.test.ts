import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/curl-pipe-shell';

ruleTable('dockerfile/curl-pipe-shell', [
  { what: 'curl | sh', input: 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n', want: [2], messages: [message('curl', 'sh', 'pipe')] },
  { what: 'wget | sudo bash -s, multi-line', input: 'FROM debian:12\nRUN apt-get update \\\n && wget -qO- https://example.com/install.sh \\\n    | sudo bash -s -- --yes\n', want: [3], messages: [message('wget', 'bash', 'pipe')] },
  { what: 'lower-case, sh -c "$(curl …)"', input: 'from debian:12\nrun sh -c "$(curl -fsSL https://example.com/install.sh)"\n', want: [2], messages: [message('curl', 'sh', 'substitution')] },
  { what: 'bash <(curl …) in a later stage', input: 'FROM debian:12 AS a\nRUN true\nFROM debian:12\nRUN bash <(curl -s https://example.com/i.sh)\n', want: [4] },
  { what: 'curl | python3 -', input: 'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -\n', want: [2] },
  { what: 'download, verify, run', input: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh \\\n && echo "abc123  /tmp/i.sh" | sha256sum -c - \\\n && sh /tmp/i.sh\n', want: [] },
  { what: 'curl | tar and curl | python -c', input: 'FROM python:3.12-slim\nRUN curl -fsSL https://example.com/x.tgz | tar xz && curl -s https://example.com/v.json | python3 -c "import sys,json; print(json.load(sys.stdin))"\n', want: [] },
  { what: 'curl output as an argument, not as the script', input: 'FROM debian:12\nRUN bash /opt/setup.sh "$(curl -fsSL https://example.com/version.txt)"\n', want: [] },
]);
