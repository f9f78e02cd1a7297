import * as fs from 'fs';
import * as path from 'path';
import { readProject } from '../../../src/generate/node';
import type { ProjectInput } from '../../../src/generate';
import { repoRoot } from '../../helpers/core';

/** Folder of the sample projects. */
export function projectsRoot(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'projects');
}

/** Names of every sample project (one folder each). */
export function sampleProjects(): string[] {
  return fs
    .readdirSync(projectsRoot(), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The ProjectInput of a sample project, read the way the CLI reads it. */
export function sample(name: string): ProjectInput {
  return readProject(path.join(projectsRoot(), name));
}

/** Lines of a text. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}
