import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rule as noLatestTag } from './no-latest-tag';
import { rule as buildAndImage } from './build-and-image';
import { rule as noResourceLimits } from './no-resource-limits';
import { rule as privileged } from './privileged';
import { rule as dockerSocket } from './docker-socket';
import { rule as hostNamespace } from './host-namespace';
import { rule as literalSecret } from './literal-secret';
import { rule as exposedDatabasePort } from './exposed-database-port';
import { rule as noHealthcheck } from './no-healthcheck';
import { rule as noRestartPolicy } from './no-restart-policy';
import { rule as obsoleteVersion } from './obsolete-version';
import { rule as duplicateContainerName } from './duplicate-container-name';
import { rule as duplicateHostPort } from './duplicate-host-port';
import { rule as dangerousCapabilities } from './dangerous-capabilities';
import { rule as unconfinedSecurityOpt } from './unconfined-security-opt';
import { rule as dependsOnMissingService } from './depends-on-missing-service';
import { rule as userRoot } from './user-root';
import { rule as undefinedResource } from './undefined-resource';

/** The Compose rule pack. */
export const COMPOSE_RULES: readonly Rule<YamlFile>[] = [
  noLatestTag,
  buildAndImage,
  noResourceLimits,
  privileged,
  dockerSocket,
  hostNamespace,
  literalSecret,
  exposedDatabasePort,
  noHealthcheck,
  noRestartPolicy,
  obsoleteVersion,
  duplicateContainerName,
  duplicateHostPort,
  dangerousCapabilities,
  unconfinedSecurityOpt,
  dependsOnMissingService,
  userRoot,
  undefinedResource,
];
