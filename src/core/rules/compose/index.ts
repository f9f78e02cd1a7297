import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rule as noLatestTag } from './no-latest-tag';

/** The Compose rule pack. */
export const COMPOSE_RULES: readonly Rule<YamlFile>[] = [noLatestTag];
