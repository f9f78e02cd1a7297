import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { rule as noLatestTag } from './no-latest-tag';
import { rule as addInsteadOfCopy } from './add-instead-of-copy';

/** The Dockerfile rule pack. */
export const DOCKERFILE_RULES: readonly Rule<DockerfileModel>[] = [noLatestTag, addInsteadOfCopy];
