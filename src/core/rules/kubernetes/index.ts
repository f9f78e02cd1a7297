import type { AnyRule } from '../../rule';

/** The kubernetes rule pack (rules are added one per file and listed here). */
export const KUBERNETES_RULES: readonly AnyRule[] = [];
