import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/deploy-without-tests';

const test = 'unit:\n  stage: test\n  script: npm test\n';

ruleTable('gitlab-ci/deploy-without-tests', [
  {
    what: 'needs: [] skips the tests',
    input: `${test}deploy:\n  stage: deploy\n  needs: []\n  script: kubectl apply -f k8s/\n`,
    want: [6],
    messages: [message('deploy', "runs in stage 'deploy'", 'needs-empty')],
  },
  { what: 'needs only the build', input: `build:\n  stage: build\n  script: make\n${test}ship:\n  stage: deploy\n  needs: [build]\n  script: helm upgrade --install app ./chart\n`, want: [9] },
  { what: 'needs the tests', input: `build:\n  stage: build\n  script: make\n${test}ship:\n  stage: deploy\n  needs: [build, unit]\n  script: helm upgrade --install app ./chart\n`, want: [] },
  { what: 'needs a job that needs the tests', input: `${test}package:\n  stage: build\n  needs: [unit]\n  script: make\nship:\n  stage: deploy\n  needs: [package]\n  script: helm upgrade app ./chart\n`, want: [] },
  { what: 'later stage than the tests', input: `${test}deploy:\n  stage: deploy\n  script: terraform apply -auto-approve\n`, want: [] },
  {
    what: 'same stage as the tests',
    input: `${test}publish:\n  stage: test\n  script: docker push registry.example.com/app:1.0\n`,
    want: [4],
    messages: [message('publish', "runs 'docker push'", 'no-earlier-test')],
  },
  { what: 'no test job at all', input: 'deploy:\n  stage: deploy\n  script: kubectl apply -f k8s/\n', want: [1], messages: [message('deploy', "runs in stage 'deploy'", 'no-test')] },
  { what: 'tests may come from an include', input: 'include:\n  - template: Jobs/Test.gitlab-ci.yml\ndeploy:\n  stage: deploy\n  script: kubectl apply -f k8s/\n', want: [] },
  { what: 'production environment via extends', input: `${test}.deploy:\n  environment: production\n  needs: []\nrelease-job:\n  extends: .deploy\n  stage: build\n  script: ./ship.sh\n`, want: [6] },
  { what: 'image push in the build stage is a build step', input: `build:\n  stage: build\n  script: docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n${test}`, want: [] },
  { what: 'stop environment is not a deploy', input: `${test}stop:\n  stage: build\n  script: ./stop.sh\n  environment:\n    name: production\n    action: stop\n`, want: [] },
  {
    what: 'terraform validate gates the apply',
    input: 'stages: [validate, plan, apply]\nfmt:\n  stage: validate\n  script: terraform validate\nplan:\n  stage: plan\n  script: terraform plan -out plan.tfplan\napply:\n  stage: apply\n  script: terraform apply plan.tfplan\n',
    want: [],
  },
  {
    what: 'apply in the same stage as validate',
    input: 'stages: [infra]\nfmt:\n  stage: infra\n  script: tflint\napply:\n  stage: infra\n  script: terraform apply -auto-approve\n',
    want: [5],
  },
  { what: 'a target in the job name is not a deploy', input: `${test}lint-prod-config:\n  stage: test\n  script: yamllint config/prod.yaml\n`, want: [] },
  { what: 'a job named deploy in the test stage', input: `${test}deploy-docs-site:\n  stage: test\n  script: ./upload.sh\n`, want: [] },
  { what: 'a job named release', input: `${test}release:\n  stage: test\n  script: npx semantic-release\n`, want: [4] },
]);
