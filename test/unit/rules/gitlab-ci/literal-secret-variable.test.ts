import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/literal-secret-variable';

ruleTable('gitlab-ci/literal-secret-variable', [
  { what: 'global', input: 'variables:\n  DB_PASSWORD: "p4ssw0rd-prod"\ntest:\n  script: make\n', want: [2], messages: [message('Global', 'DB_PASSWORD', 'secret-like name')] },
  { what: 'job', input: 'deploy:\n  variables:\n    API_TOKEN: 1234abcd5678\n  script: ./deploy.sh\n', want: [3], messages: [message("Job 'deploy'", 'API_TOKEN', 'secret-like name')] },
  { what: 'value: form', input: 'variables:\n  SLACK:\n    value: xoxb-123456789012-abcdefghijkl\n    description: hook\ntest:\n  script: make\n', want: [2] },
  { what: 'rules variables', input: 'deploy:\n  script: ./deploy.sh\n  rules:\n    - if: $CI_COMMIT_TAG\n      variables:\n        AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG\n', want: [6] },
  { what: 'references and settings', input: 'variables:\n  DOCKER_PASSWORD: $CI_REGISTRY_PASSWORD\n  DOCKER_TLS_CERTDIR: "/certs"\n  TOKEN_URL: https://auth.example.com/token\ntest:\n  script: make\n', want: [] },
  { what: 'template job via anchor, reported once', input: '.secrets: &secrets\n  variables:\n    NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789\na:\n  <<: *secrets\n  script: make\nb:\n  <<: *secrets\n  script: make\n', want: [3] },
  { what: 'throwaway password of a CI service container', input: 'test:\n  services: [postgres:16.4]\n  variables:\n    POSTGRES_PASSWORD: postgres\n    MYSQL_ROOT_PASSWORD: root\n  script: pytest\n', want: [] },
  { what: 'service setting in a real credential format', input: 'variables:\n  POSTGRES_PASSWORD: glpat-abcdefghij0123456789\ntest:\n  script: pytest\n', want: [2] },
]);
