import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const pipeline = (service: string, vars: string[]): string => lines('b:', '  image: docker:27', '  services:', `    - ${service}`, '  variables:', ...vars, '  script:', '    - docker build .');

ruleTable('gitlab-ci/dind-without-tls', [
  { what: 'empty cert dir', input: pipeline('docker:27-dind', ['    DOCKER_TLS_CERTDIR: ""']), want: [6] },
  { what: 'plain port', input: pipeline('name: docker:dind', ['    DOCKER_HOST: tcp://docker:2375']), want: [6] },
  { what: 'both halves of one choice in one block: one finding', input: pipeline('docker:dind', ['    DOCKER_HOST: tcp://docker:2375', '    DOCKER_DRIVER: overlay2', '    DOCKER_TLS_CERTDIR: ""']), want: [6] },
  { what: 'TLS kept', input: pipeline('docker:27-dind', ['    DOCKER_TLS_CERTDIR: /certs', '    DOCKER_HOST: tcp://docker:2376']), want: [] },
  { what: 'no dind service', input: pipeline('postgres:16', ['    DOCKER_TLS_CERTDIR: ""']), want: [] },
]);
