import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/container-image-unpinned';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/container-image-unpinned', [
  {
    what: 'job container without tag',
    input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    container: node', '    steps:', '      - run: npm ci'),
    want: [5],
    messages: [message("Job 'build' container", 'node', 'untagged')],
  },
  {
    what: 'job container image latest (map form)',
    input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    container:', '      image: node:latest', '    steps:', '      - run: npm ci'),
    want: [6],
  },
  {
    what: 'service image untagged',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    services:', '      db:', '        image: postgres', '    steps:', '      - run: make test'),
    want: [7],
    messages: [message("Service 'db'", 'postgres', 'untagged')],
  },
  {
    what: 'pinned images',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    container: node:20.11-bookworm', '    services:', '      redis: redis:7.2-alpine', '      db:', '        image: postgres:16.3', '    steps:', '      - run: make test'),
    want: [],
  },
  {
    what: 'image from an expression',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    container: ${{ matrix.image }}', '    steps:', '      - run: make test'),
    want: [],
  },
  {
    what: 'digest-pinned service',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    services:', '      db:', '        image: postgres@sha256:4c5d1e0e4b8f2f4b1b6d0a3d5e8c2a1b3f6e9d0c7b4a1e8f5d2c9b6a3e0f7d4c', '    steps:', '      - run: make test'),
    want: [],
  },
]);
