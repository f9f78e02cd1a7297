import type { AnyRule } from '../../rule';
import { rule as configPlaintextSecret } from './config-plaintext-secret';

/** The Pulumi rule pack: stack configuration files (`Pulumi.<stack>.yaml`). */
export const PULUMI_RULES: readonly AnyRule[] = [configPlaintextSecret];
