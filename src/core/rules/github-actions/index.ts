import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rule as containerImageUnpinned } from './container-image-unpinned';
import { rule as curlPipeShell } from './curl-pipe-shell';
import { rule as deployWithoutTests } from './deploy-without-tests';
import { rule as deprecatedWorkflowCommand } from './deprecated-workflow-command';
import { rule as dockerActionUnpinned } from './docker-action-unpinned';
import { rule as duplicateStepId } from './duplicate-step-id';
import { rule as expressionSyntax } from './expression-syntax';
import { rule as hardcodedSecret } from './hardcoded-secret';
import { rule as k8sDeployWithoutHealthCheck } from './k8s-deploy-without-health-check';
import { rule as k8sDeployWithoutRollback } from './k8s-deploy-without-rollback';
import { rule as missingPermissions } from './missing-permissions';
import { rule as missingTimeout } from './missing-timeout';
import { rule as needsCycle } from './needs-cycle';
import { rule as needsUnknownJob } from './needs-unknown-job';
import { rule as permissionsWriteAll } from './permissions-write-all';
import { rule as pullRequestTargetCheckout } from './pull-request-target-checkout';
import { rule as pushWithoutScan } from './push-without-scan';
import { rule as runsOnLatest } from './runs-on-latest';
import { rule as scriptInjection } from './script-injection';
import { rule as secretEchoed } from './secret-echoed';
import { rule as secretsInherit } from './secrets-inherit';
import { rule as stepUsesAndRun } from './step-uses-and-run';
import { rule as testContinueOnError } from './test-continue-on-error';
import { rule as unknownExpressionContext } from './unknown-expression-context';
import { rule as unknownJobKey } from './unknown-job-key';
import { rule as unknownStepKey } from './unknown-step-key';
import { rule as unknownWorkflowKey } from './unknown-workflow-key';
import { rule as unpinnedAction } from './unpinned-action';
import { rule as unsecureCommandsAllowed } from './unsecure-commands-allowed';
import { rule as artipacked } from './artipacked';
import { rule as cachePoisoning } from './cache-poisoning';
import { rule as githubEnvUntrusted } from './github-env-untrusted';
import { rule as issueCommentCheckout } from './issue-comment-checkout';
import { rule as spoofableBotCondition } from './spoofable-bot-condition';
import { rule as selfHostedRunnerPublicTrigger } from './self-hosted-runner-public-trigger';
import { rule as oidcUntrustedArtifact } from './oidc-untrusted-artifact';
import { rule as archivedAction } from './archived-action';
import { rule as retiredActionVersion } from './retired-action-version';
import { rule as node16ActionVersion } from './node16-action-version';
import { rule as overprovisionedSecrets } from './overprovisioned-secrets';
import { rule as unsoundContains } from './unsound-contains';
import { rule as unsoundCondition } from './unsound-condition';
import { rule as useTrustedPublishing } from './use-trusted-publishing';
import { rule as scanContinueOnError } from './scan-continue-on-error';
import { rule as workflowSecretsEnv } from './workflow-secrets-env';
import { rule as deployCancelInProgress } from './deploy-cancel-in-progress';

/** The GitHub Actions rule pack. */
export const GITHUB_ACTIONS_RULES: readonly Rule<YamlFile>[] = [
  containerImageUnpinned,
  curlPipeShell,
  deployWithoutTests,
  deprecatedWorkflowCommand,
  dockerActionUnpinned,
  duplicateStepId,
  expressionSyntax,
  hardcodedSecret,
  k8sDeployWithoutHealthCheck,
  k8sDeployWithoutRollback,
  missingPermissions,
  missingTimeout,
  needsCycle,
  needsUnknownJob,
  permissionsWriteAll,
  pullRequestTargetCheckout,
  pushWithoutScan,
  runsOnLatest,
  scriptInjection,
  secretEchoed,
  secretsInherit,
  stepUsesAndRun,
  testContinueOnError,
  unknownExpressionContext,
  unknownJobKey,
  unknownStepKey,
  unknownWorkflowKey,
  unpinnedAction,
  unsecureCommandsAllowed,
  artipacked,
  cachePoisoning,
  githubEnvUntrusted,
  issueCommentCheckout,
  spoofableBotCondition,
  selfHostedRunnerPublicTrigger,
  oidcUntrustedArtifact,
  archivedAction,
  retiredActionVersion,
  node16ActionVersion,
  overprovisionedSecrets,
  unsoundContains,
  unsoundCondition,
  useTrustedPublishing,
  scanContinueOnError,
  workflowSecretsEnv,
  deployCancelInProgress,
];
