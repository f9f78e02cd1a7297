import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/deploy-without-rules';

ruleTable('gitlab-ci/deploy-without-rules', [
  { what: 'no rules', input: 'deploy:\n  stage: deploy\n  script: kubectl apply -f k8s/\n', want: [1], messages: [message('deploy', "runs in stage 'deploy'", false)] },
  { what: 'rules without a ref test', input: 'prod:\n  environment: production\n  script: ./ship.sh\n  rules:\n    - when: manual\n', want: [4], messages: [message('prod', "deploys to environment 'production'", true)] },
  { what: 'default branch only', input: 'deploy:\n  stage: deploy\n  script: kubectl apply -f k8s/\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n      when: manual\n', want: [] },
  { what: 'only: main', input: 'deploy:\n  stage: deploy\n  script: ./ship.sh\n  only:\n    - main\n', want: [] },
  { what: 'rules from a template', input: '.on-main:\n  rules:\n    - if: $CI_COMMIT_TAG\ndeploy:\n  extends: .on-main\n  stage: deploy\n  script: ./ship.sh\n', want: [] },
  { what: 'workflow restricts the pipeline', input: 'workflow:\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\ndeploy:\n  stage: deploy\n  script: ./ship.sh\n', want: [] },
  { what: 'workflow also allows merge requests', input: 'workflow:\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n    - if: $CI_COMMIT_BRANCH == "main"\ndeploy:\n  stage: deploy\n  script: ./ship.sh\n', want: [5] },
  { what: 'review apps deploy every branch on purpose', input: 'review:\n  stage: deploy\n  script: ./review.sh\n  environment:\n    name: review/$CI_COMMIT_REF_SLUG\n', want: [] },
  { what: 'not a deploy job', input: 'unit:\n  script: npm test\n', want: [] },
  { what: 'rules from a !reference are not judged', input: '.rules:\n  main:\n    - if: $CI_COMMIT_BRANCH == "main"\ndeploy:\n  stage: deploy\n  script: ./ship.sh\n  rules:\n    - !reference [.rules, main]\n', want: [] },
  { what: 'only/except through an anchor', input: '.main-only: &main-only\n  only: [main]\ndeploy:\n  <<: *main-only\n  stage: deploy\n  script: ./ship.sh\n', want: [] },
]);
