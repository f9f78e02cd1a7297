import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/gitlab-ci/curl-pipe-shell';

ruleTable('gitlab-ci/curl-pipe-shell', [
  { what: 'curl | bash', input: 'setup:\n  script:\n    - curl -fsSL https://get.example.com | bash\n', want: [3], messages: [message("Job 'setup'", 'curl', 'bash')] },
  { what: 'wget | sudo sh in before_script', input: 'default:\n  before_script:\n    - wget -qO- https://x.example.com/install.sh | sudo sh\n', want: [3], messages: [message('default:', 'wget', 'sh')] },
  { what: 'process substitution in after_script', input: 'job:\n  script: make\n  after_script:\n    - bash <(curl -s https://codecov.io/bash)\n', want: [4] },
  { what: 'command substitution', input: 'job:\n  script:\n    - sh -c "$(curl -fsSL https://raw.example.com/install.sh)"\n', want: [3] },
  { what: 'line of a literal block', input: 'job:\n  script:\n    - |\n      echo start\n      curl -sSL https://get.rvm.io | bash -s stable\n      echo done\n', want: [5] },
  { what: 'download then verify', input: 'job:\n  script:\n    - curl -fsSLo install.sh https://x.example.com/install.sh\n    - sha256sum -c install.sh.sha256\n    - sh install.sh\n', want: [] },
  { what: 'curl piped to jq', input: 'job:\n  script:\n    - curl -s https://api.example.com/v1 | jq .version\n', want: [] },
  { what: 'bash running a file', input: 'job:\n  script:\n    - curl -s https://x.example.com | tee out.txt | bash check.sh\n', want: [] },
  { what: 'hidden template through anchor, once', input: '.setup: &setup\n  before_script:\n    - curl https://x.example.com/i.sh | sh\na:\n  <<: *setup\n  script: make\n', want: [3] },
]);
