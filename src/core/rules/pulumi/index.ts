import type { AnyRule } from '../../rule';
import { rule as configPlaintextSecret } from './config-plaintext-secret';

/**
 * The Pulumi rule pack: stack configuration files (`Pulumi.<stack>.yaml`). YAML programs
 * (`Pulumi.yaml` with `runtime: yaml`, `Main.yaml`) are checked by the Terraform policies
 * (src/core/policies/pulumi.ts).
 */
export const PULUMI_RULES: readonly AnyRule[] = [configPlaintextSecret];
