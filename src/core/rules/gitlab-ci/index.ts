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
];
