import type { AnyRule } from '../../rule';

/** The aurora rule pack (rules are added one per file and listed here). */
export const AURORA_RULES: readonly AnyRule[] = [];
