import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/missing-pipefail';

ruleTable('dockerfile/missing-pipefail', [
  { what: 'pipe in RUN', input: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz -C /opt\n', want: [2], messages: [message()] },
  { what: 'multi-line RUN, pipe on the third line', input: 'FROM debian:12\nRUN apt-get update \\\n && echo ok \\\n && wget -qO- https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg\n', want: [4] },
  { what: 'lower-case, two pipelines', input: 'from alpine:3.20\nrun cat a | sort && cat b | uniq\n', want: [2, 2] },
  { what: 'SHELL without pipefail does not help', input: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN cat a | sort\n', want: [3] },
  { what: 'set -o pipefail after the pipe is too late', input: 'FROM debian:12\nRUN cat a | sort; set -o pipefail\n', want: [2] },
  { what: 'SHELL with -o pipefail', input: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz -C /opt\n', want: [] },
  { what: 'SHELL with -eo pipefail, inherited by a later stage', input: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN cat a | sort\n', want: [] },
  { what: 'set -euxo pipefail first', input: 'FROM alpine:3.20\nRUN set -euxo pipefail; \\\n    wget -qO- https://example.com/x.tgz | tar xz\n', want: [] },
  { what: 'nothing upstream can fail: echo | sha256sum', input: 'FROM debian:12\nRUN echo "$SHA256 *x.tgz" | sha256sum -c - && dst="$(printf %s "$src" | tr -d 3)"\n', want: [] },
  { what: '|| is not a pipe', input: 'FROM debian:12\nRUN test -f /x || echo missing\n', want: [] },
  { what: 'pipe inside a quoted string', input: 'FROM debian:12\nRUN echo "a | b" > /tmp/x\n', want: [] },
]);

before(ready);

it('dockerfile/missing-pipefail points at the offending text', () => {
  assertPointsAt('dockerfile/missing-pipefail', 'Dockerfile', 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz -C /opt\n', 'curl -fsSL https://example.com/x.tgz | tar xz -C /opt');
});
