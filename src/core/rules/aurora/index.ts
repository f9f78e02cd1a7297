import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rule as filesystemEscape } from './filesystem-escape';
import { rule as filesystemWholeWorkspace } from './filesystem-whole-workspace';
import { rule as invalidModel } from './invalid-model';
import { rule as invalidPolicy } from './invalid-policy';
import { rule as invalidNetworkHost } from './invalid-network-host';
import { rule as invalidRuleLevel } from './invalid-rule-level';
import { rule as invalidTemperature } from './invalid-temperature';
import { rule as unknownKey } from './unknown-key';
import { rule as unknownRule } from './unknown-rule';
import { rule as unknownTool } from './unknown-tool';
import { rule as wrongType } from './wrong-type';

/** The aurora.yaml rule pack. */
export const AURORA_RULES: readonly Rule<YamlFile>[] = [
  filesystemEscape,
  filesystemWholeWorkspace,
  invalidModel,
  invalidNetworkHost,
  invalidPolicy,
  invalidRuleLevel,
  invalidTemperature,
  unknownKey,
  unknownRule,
  unknownTool,
  wrongType,
];
