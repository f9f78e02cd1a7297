import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/no-latest-tag';

ruleTable('gitlab-ci/no-latest-tag', [
  { what: 'global image untagged', input: 'image: node\ntest:\n  script: npm test\n', want: [1], messages: [message('The pipeline', 'image', 'node', 'untagged')] },
  { what: 'job image latest', input: 'test:\n  image: python:latest\n  script: pytest\n', want: [2], messages: [message("Job 'test'", 'image', 'python:latest', 'latest')] },
  { what: 'image name form', input: 'test:\n  image:\n    name: alpine\n    entrypoint: [""]\n  script: ls\n', want: [3] },
  { what: 'services in both forms', input: 'test:\n  image: node:20.11\n  services:\n    - postgres\n    - name: redis:latest\n      alias: cache\n  script: npm test\n', want: [4, 5] },
  { what: 'default section', input: 'default:\n  image: ruby\ntest:\n  script: rake\n', want: [2] },
  { what: 'pinned and variable images', input: 'image: node:20.11-alpine\ntest:\n  image: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n  services: [docker:27.3-dind]\n  script: npm test\n', want: [] },
  { what: 'template job image, reported once', input: '.base: &base\n  image: golang\nunit:\n  <<: *base\n  script: go test ./...\nvet:\n  extends: .base\n  script: go vet ./...\n', want: [2] },
]);
