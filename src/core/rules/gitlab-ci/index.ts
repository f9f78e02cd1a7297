import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rule as deployBeforeTest } from './deploy-before-test';
import { rule as deployWithoutTests } from './deploy-without-tests';
import { rule as allowFailureOnTest } from './allow-failure-on-test';
import { rule as noLatestTag } from './no-latest-tag';
import { rule as undefinedStage } from './undefined-stage';
import { rule as needsUnknownJob } from './needs-unknown-job';
import { rule as literalSecretVariable } from './literal-secret-variable';
import { rule as deployWithoutRules } from './deploy-without-rules';
import { rule as curlPipeShell } from './curl-pipe-shell';
import { rule as unpinnedInclude } from './unpinned-include';
import { rule as extendsUnknownJob } from './extends-unknown-job';
import { rule as jobWithoutScript } from './job-without-script';
import { rule as debugTrace } from './debug-trace';
import { rule as dindWithoutTls } from './dind-without-tls';
import { rule as secretEchoed } from './secret-echoed';
import { rule as deployWhenAlways } from './deploy-when-always';
import { rule as deployInterruptible } from './deploy-interruptible';
import { rule as deployWithoutResourceGroup } from './deploy-without-resource-group';
import { rule as dependenciesLaterStage } from './dependencies-later-stage';
import { rule as onlyExceptDeprecated } from './only-except-deprecated';
import { rule as dockerLoginPasswordArgument } from './docker-login-password-argument';
import { rule as deployWithoutEnvironment } from './deploy-without-environment';
import { rule as sshHostKeyCheckDisabled } from './ssh-host-key-check-disabled';
import { rule as buildArgSecret } from './build-arg-secret';
import { rule as triggerNeededWithoutDepend } from './trigger-needed-without-depend';
import { rule as manualDeployNotBlocking } from './manual-deploy-not-blocking';
import { rule as artifactsUntracked } from './artifacts-untracked';

/** The GitLab CI rule pack. */
export const GITLAB_CI_RULES: readonly Rule<YamlFile>[] = [
  deployBeforeTest,
  deployWithoutTests,
  allowFailureOnTest,
  noLatestTag,
  undefinedStage,
  needsUnknownJob,
  literalSecretVariable,
  deployWithoutRules,
  curlPipeShell,
  unpinnedInclude,
  extendsUnknownJob,
  jobWithoutScript,
  debugTrace,
  dindWithoutTls,
  secretEchoed,
  deployWhenAlways,
  deployInterruptible,
  deployWithoutResourceGroup,
  dependenciesLaterStage,
  onlyExceptDeprecated,
  dockerLoginPasswordArgument,
  deployWithoutEnvironment,
  sshHostKeyCheckDisabled,
  buildArgSecret,
  triggerNeededWithoutDepend,
  manualDeployNotBlocking,
  artifactsUntracked,
];
