/**
 * Plain-data shapes of the generators: what they read (a few files of a project, by relative
 * path) and what they return (files to write). No file system access happens in src/generate
 * except in node.ts, which gathers a ProjectInput from a folder.
 */

/** The few files of a project that detection reads, by relative path with forward slashes. */
export interface ProjectInput {
  files: Readonly<Record<string, string>>;
  /** Base name of the project folder: the last fallback for the application name. */
  dirName?: string;
}

/** One generated file: path relative to the project root, and its text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** What can be generated. */
export type Target = 'dockerfile' | 'compose' | 'pipeline' | 'k8s' | 'terraform';

/** Every target, in the order the CLI lists them. */
export const TARGETS: readonly Target[] = ['dockerfile', 'compose', 'pipeline', 'k8s', 'terraform'];

/** CI providers the pipeline generator writes for. */
export type CiProvider = 'github' | 'gitlab';

/** Clouds the Terraform generator writes for. */
export type CloudProvider = 'aws' | 'gcp';

/** Choices the user can make; everything else is detected from the project. */
export interface GenerateOptions {
  /** Application name (DNS label); default: from the manifest, else the folder name. */
  name?: string;
  /** Image repository, optionally with a tag (`ghcr.io/acme/api` or `ghcr.io/acme/api:1.2.3`). */
  image?: string;
  /** Port the application listens on. */
  port?: number;
  /** CI provider for `pipeline`, or cloud for `terraform`. */
  provider?: CiProvider | CloudProvider;
  /** Add a HorizontalPodAutoscaler (k8s). */
  hpa?: boolean;
  /** Add a PodDisruptionBudget (k8s). */
  pdb?: boolean;
}

/** A project the generator cannot handle or a bad option: one line for the user. */
export class GenerateError extends Error {}
