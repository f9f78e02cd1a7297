import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('gitlab-ci/dependencies-later-stage', [
  { what: 'same stage (accepted, but passes nothing)', input: lines('a:', '  stage: build', '  script: [make a]', 'b:', '  stage: build', '  dependencies: [a]', '  script: [make b]'), want: [6] },
  { what: 'later stage', input: lines('a:', '  stage: test', '  script: [make a]', 'b:', '  stage: build', '  dependencies: [a]', '  script: [make b]'), want: [6] },
  { what: 'earlier stage', input: lines('a:', '  stage: build', '  script: [make a]', 'b:', '  stage: test', '  dependencies: [a]', '  script: [make b]'), want: [] },
  { what: 'with needs', input: lines('a:', '  stage: build', '  script: [make a]', 'b:', '  stage: build', '  needs: [a]', '  dependencies: [a]', '  script: [make b]'), want: [] },
]);

ruleTable('gitlab-ci/only-except-deprecated', [
  { what: 'except in a template', input: lines('.t:', '  except: [tags]', 'j:', '  extends: .t', '  script: [make]'), want: [2] },
  { what: 'rules', input: lines('j:', '  rules:', '    - if: $CI_COMMIT_TAG', '  script: [make]'), want: [] },
]);

ruleTable('gitlab-ci/trigger-needed-without-depend', [
  { what: 'needed as a map entry', input: lines('child:', '  trigger:', '    project: g/p', 'after:', '  needs:', '    - job: child', '  script: [make]'), want: [2] },
  { what: 'mirror strategy', input: lines('child:', '  trigger:', '    include: c.yml', '    strategy: mirror', 'after:', '  needs: [child]', '  script: [make]'), want: [] },
  { what: 'nobody needs it', input: lines('child:', '  trigger: g/p', 'other:', '  script: [make]'), want: [] },
]);

ruleTable('gitlab-ci/manual-deploy-not-blocking', [
  { what: 'needed by a later deploy', input: lines('stg:', '  environment: staging', '  when: manual', '  script: [./d.sh]', 'prd:', '  environment: production', '  needs: [stg]', '  script: [./d.sh]'), want: [3] },
  { what: 'blocking', input: lines('stg:', '  environment: staging', '  when: manual', '  allow_failure: false', '  script: [./d.sh]', 'prd:', '  environment: production', '  needs: [stg]', '  script: [./d.sh]'), want: [] },
  { what: 'manual in rules', input: lines('stg:', '  environment: staging', '  rules:', '    - when: manual', '  script: [./d.sh]', 'prd:', '  environment: production', '  needs: [stg]', '  script: [./d.sh]'), want: [] },
  { what: 'last deploy', input: lines('prd:', '  environment: production', '  when: manual', '  script: [./d.sh]'), want: [] },
]);

ruleTable('gitlab-ci/artifacts-untracked', [
  { what: 'untracked', input: lines('j:', '  script: [make]', '  artifacts:', '    untracked: true'), want: [4] },
  { what: 'paths', input: lines('j:', '  script: [make]', '  artifacts:', '    paths: [dist/]'), want: [] },
]);
