import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { rule as noLatestTag } from './no-latest-tag';
import { rule as noDigestPin } from './no-digest-pin';
import { rule as addInsteadOfCopy } from './add-instead-of-copy';
import { rule as runAsRoot } from './run-as-root';
import { rule as aptGetMissingYes } from './apt-get-missing-yes';
import { rule as aptNoInstallRecommends } from './apt-no-install-recommends';
import { rule as aptListsNotRemoved } from './apt-lists-not-removed';
import { rule as aptInsteadOfAptGet } from './apt-instead-of-apt-get';
import { rule as apkNoCache } from './apk-no-cache';
import { rule as pipNoCacheDir } from './pip-no-cache-dir';
import { rule as unpinnedPackages } from './unpinned-packages';
import { rule as useWorkdir } from './use-workdir';
import { rule as relativeWorkdir } from './relative-workdir';
import { rule as multipleCmd } from './multiple-cmd';
import { rule as shellFormCmd } from './shell-form-cmd';
import { rule as maintainerDeprecated } from './maintainer-deprecated';
import { rule as noSudo } from './no-sudo';
import { rule as missingPipefail } from './missing-pipefail';
import { rule as curlPipeShell } from './curl-pipe-shell';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled';
import { rule as secretInEnv } from './secret-in-env';
import { rule as copyAllBeforeInstall } from './copy-all-before-install';
import { rule as buildToolsInFinalImage } from './build-tools-in-final-image';
import { rule as heavyBaseImage } from './heavy-base-image';
import { rule as missingHealthcheck } from './missing-healthcheck';
import { rule as invalidExpose } from './invalid-expose';
import { rule as noDockerignore } from './no-dockerignore';
import { rule as exposeSshPort } from './expose-ssh-port';
import { rule as packageSignatureDisabled } from './package-signature-disabled';
import { rule as copyFromOwnOrLaterStage } from './copy-from-own-or-later-stage';
import { rule as duplicateStageName } from './duplicate-stage-name';
import { rule as updateWithoutInstall } from './update-without-install';
// issue 18: yum/dnf/zypper, exec-form JSON, ADD checksums, permissions, secrets and the public catalogs
import { rule as dnfMissingYes } from './dnf-missing-yes';
import { rule as zypperNonInteractive } from './zypper-non-interactive';
import { rule as dnfCacheNotCleaned } from './dnf-cache-not-cleaned';
import { rule as zypperCacheNotCleaned } from './zypper-cache-not-cleaned';
import { rule as rpmUnpinnedPackages } from './rpm-unpinned-packages';
import { rule as refreshWithoutInstall } from './refresh-without-install';
import { rule as packageUpgrade } from './package-upgrade';
import { rule as execFormNotJson } from './exec-form-not-json';
import { rule as addUrlWithoutChecksum } from './add-url-without-checksum';
import { rule as chmodWorldWritable } from './chmod-world-writable';
import { rule as chmodSetuid } from './chmod-setuid';
import { rule as useraddWithoutNoLogInit } from './useradd-without-no-log-init';
import { rule as serviceStartInRun } from './service-start-in-run';
import { rule as onbuildInvalidTrigger } from './onbuild-invalid-trigger';
import { rule as fromFixedPlatform } from './from-fixed-platform';
import { rule as curlWithoutFail } from './curl-without-fail';
import { rule as wgetWithoutProgress } from './wget-without-progress';
import { rule as copyMultipleSourcesDest } from './copy-multiple-sources-dest';
import { rule as envSelfReference } from './env-self-reference';
import { rule as aptKeyDeprecated } from './apt-key-deprecated';
import { rule as secretBuildArg } from './secret-build-arg';
import { rule as secretEnvFromArg } from './secret-env-from-arg';
import { rule as secretFileCopied } from './secret-file-copied';
import { rule as aptInstallWithoutUpdate } from './apt-install-without-update';
import { rule as copyThenChown } from './copy-then-chown';

/** The Dockerfile rule pack. */
export const DOCKERFILE_RULES: readonly Rule<DockerfileModel>[] = [
  noLatestTag,
  noDigestPin,
  addInsteadOfCopy,
  runAsRoot,
  aptGetMissingYes,
  aptNoInstallRecommends,
  aptListsNotRemoved,
  aptInsteadOfAptGet,
  apkNoCache,
  pipNoCacheDir,
  unpinnedPackages,
  useWorkdir,
  relativeWorkdir,
  multipleCmd,
  shellFormCmd,
  maintainerDeprecated,
  noSudo,
  missingPipefail,
  curlPipeShell,
  tlsVerificationDisabled,
  secretInEnv,
  copyAllBeforeInstall,
  buildToolsInFinalImage,
  heavyBaseImage,
  missingHealthcheck,
  invalidExpose,
  noDockerignore,
  exposeSshPort,
  packageSignatureDisabled,
  copyFromOwnOrLaterStage,
  duplicateStageName,
  updateWithoutInstall,
  dnfMissingYes,
  zypperNonInteractive,
  dnfCacheNotCleaned,
  zypperCacheNotCleaned,
  rpmUnpinnedPackages,
  refreshWithoutInstall,
  packageUpgrade,
  execFormNotJson,
  addUrlWithoutChecksum,
  chmodWorldWritable,
  chmodSetuid,
  useraddWithoutNoLogInit,
  serviceStartInRun,
  onbuildInvalidTrigger,
  fromFixedPlatform,
  curlWithoutFail,
  wgetWithoutProgress,
  copyMultipleSourcesDest,
  envSelfReference,
  aptKeyDeprecated,
  secretBuildArg,
  secretEnvFromArg,
  secretFileCopied,
  aptInstallWithoutUpdate,
  copyThenChown,
];
