import { it, before } from 'node:test';
import { assertPointsAt, ready } from '../../../helpers/core';
import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apt-get-missing-yes';

ruleTable('dockerfile/apt-get-missing-yes', [
  { what: 'install without -y', input: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n', want: [2], messages: [message('apt-get', 'install')] },
  { what: 'multi-line RUN with continuations', input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install --no-install-recommends \\\n      curl \\\n      git\n', want: [3] },
  { what: 'lower-case run, sudo and a purge', input: 'FROM debian:12\nrun sudo apt-get purge curl\n', want: [2] },
  { what: 'apt install too', input: 'FROM debian:12\nRUN apt install curl\n', want: [2] },
  { what: 'in a build stage of a multi-stage build', input: 'FROM debian:12 AS build\nRUN apt-get install make\nFROM debian:12-slim\nRUN apt-get install -y ca-certificates\n', want: [2] },
  { what: '-y, --yes, --assume-yes and clustered -qy', input: 'FROM debian:12\nRUN apt-get install -y a && apt-get install --yes b && apt-get --assume-yes install c && apt-get -qy install d\n', want: [] },
  { what: '-qq implies yes', input: 'FROM debian:12\nRUN apt-get -qq install curl\n', want: [] },
  { what: '-q -q and -q --quiet imply yes too (issue 18)', input: 'FROM debian:12\nRUN apt-get -q -q install curl && apt-get install -q --quiet git\n', want: [] },
  { what: 'a single -q does not', input: 'FROM debian:12\nRUN apt-get -q install curl\n', want: [2] },
  { what: 'APT::Get::Assume-Yes option', input: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n', want: [] },
  { what: 'yes piped in', input: 'FROM debian:12\nRUN yes | apt-get install curl\n', want: [] },
  { what: 'update and clean never prompt', input: 'FROM debian:12\nRUN apt-get update && apt-get clean\n', want: [] },
  { what: 'not a command: apt-get in an echo', input: 'FROM debian:12\nRUN echo "apt-get install curl"\n', want: [] },
]);

before(ready);

it('dockerfile/apt-get-missing-yes points at the offending text', () => {
  assertPointsAt('dockerfile/apt-get-missing-yes', 'Dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install curl\n', 'apt-get install');
});
