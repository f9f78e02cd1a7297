import type { AnyRule } from '../../rule';

/** The gitlab-ci rule pack (rules are added one per file and listed here). */
export const GITLAB_CI_RULES: readonly AnyRule[] = [];
