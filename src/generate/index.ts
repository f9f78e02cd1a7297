/**
 * Offline generators: from a few files of a project to a Dockerfile, compose.yaml, a CI pipeline,
 * Kubernetes manifests or Terraform. Pure and deterministic: the same input gives the same text.
 */
import { generateCompose } from './compose';
import { generateDockerfile } from './dockerfile';
import { generateK8s } from './k8s';
import { generatePipeline } from './pipeline';
import { generateTerraform } from './terraform';
import type { GeneratedFile, GenerateOptions, ProjectInput, Target } from './types';

export { detectStack, detectCiProvider } from './detect';
export type { Stack, NodeStack, PythonStack, GoStack, JavaStack, GenericStack, Database } from './detect';
export { TARGETS, GenerateError } from './types';
export type { GeneratedFile, GenerateOptions, ProjectInput, Target, CiProvider, CloudProvider } from './types';
export { generateCompose, generateDockerfile, generateK8s, generatePipeline, generateTerraform };

const GENERATORS: Record<Target, (input: ProjectInput, options: GenerateOptions) => GeneratedFile[]> = {
  dockerfile: generateDockerfile,
  compose: generateCompose,
  pipeline: generatePipeline,
  k8s: generateK8s,
  terraform: generateTerraform,
};

/** Generate the files of one target. Throws GenerateError for a project or option it cannot handle. */
export function generate(target: Target, input: ProjectInput, options: GenerateOptions = {}): GeneratedFile[] {
  return GENERATORS[target](input, options);
}
