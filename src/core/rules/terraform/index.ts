import type { AnyRule } from '../../rule';

/** The terraform rule pack (rules are added one per file and listed here). */
export const TERRAFORM_RULES: readonly AnyRule[] = [];
