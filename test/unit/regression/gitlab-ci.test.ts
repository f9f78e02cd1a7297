// Regression corpus (issue 17): GitLab CI shapes met on public repositories, written here.
import { corpusTable } from '../../helpers/corpus';
import { y } from '../rules/kubernetes/manifests';

corpusTable('regression: gitlab-ci', [
  {
    what: 'a tarball job and a dry-run job in a release stage are not deployments',
    rule: 'gitlab-ci/deploy-without-rules',
    files: {
      '.gitlab-ci.yml': y(
        'stages: [build, test, release]',
        'unit:',
        '  stage: test',
        '  script: [make check]',
        'release-tarball:',
        '  stage: release',
        '  script:',
        '    - make dist',
        '    - sha256sum build/*.tar.xz > build/SHA256SUMS',
        '  artifacts: {paths: [build/]}',
        'publish-rehearsal:',
        '  stage: release',
        '  variables: {DRY_RUN: "true"}',
        '  script: [./tools/publish.sh]',
        'upload:',
        '  stage: release',
        '  script: [./tools/publish.sh]',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 15, severity: 'warning' }],
  },
  {
    what: 'a deploy command is a deployment whatever the stage',
    rule: 'gitlab-ci/deploy-without-rules',
    files: {
      '.gitlab-ci.yml': y(
        'stages: [build, ship]',
        'push-chart:',
        '  stage: build',
        '  script: [helm upgrade --install web ./chart]',
        'preview:',
        '  stage: ship',
        '  script: [helm upgrade --install web ./chart --dry-run]',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 2, severity: 'warning' }],
  },
  {
    what: 'allow_failure on a manual job is GitLab\'s own default, not a finding',
    rule: 'gitlab-ci/allow-failure-on-test',
    files: {
      '.gitlab-ci.yml': y(
        'stages: [test]',
        'perf-test:',
        '  stage: test',
        '  when: manual',
        '  allow_failure: true',
        '  script: [make test-perf]',
        'unit-test:',
        '  stage: test',
        '  allow_failure: true',
        '  script: [make test]',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 9, severity: 'warning' }],
  },
]);
