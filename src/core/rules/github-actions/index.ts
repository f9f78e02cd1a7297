import type { AnyRule } from '../../rule';

/** The github-actions rule pack (rules are added one per file and listed here). */
export const GITHUB_ACTIONS_RULES: readonly AnyRule[] = [];
