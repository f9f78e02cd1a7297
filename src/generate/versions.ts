/**
 * Pinned versions of every image and tool the generators write. One table so that a version
 * bump is one edit, and so that tests can assert that nothing is left floating. Tags are
 * version tags (never `latest`); generated files tell users to pin digests with
 * "Aurora: Pin Images", which resolves them against the registry.
 */

/** Node.js majors we generate for, newest last, with the image tag of each. */
export const NODE_IMAGES: Readonly<Record<number, string>> = {
  18: 'node:18.20.5-alpine3.20',
  20: 'node:20.18.1-alpine3.20',
  22: 'node:22.12.0-alpine3.20',
};
/** The Node.js major used when package.json does not say. */
export const DEFAULT_NODE_MAJOR = 22;

/** Python minor versions (`3.12`) and their slim image tags. */
export const PYTHON_IMAGES: Readonly<Record<string, string>> = {
  '3.10': 'python:3.10.16-slim-bookworm',
  '3.11': 'python:3.11.11-slim-bookworm',
  '3.12': 'python:3.12.8-slim-bookworm',
  '3.13': 'python:3.13.1-slim-bookworm',
};
/** The Python version used when the project does not say. */
export const DEFAULT_PYTHON = '3.12';

/** Go minor versions (`1.23`) and their builder image tags. */
export const GO_IMAGES: Readonly<Record<string, string>> = {
  '1.21': 'golang:1.21.13-bookworm',
  '1.22': 'golang:1.22.10-bookworm',
  '1.23': 'golang:1.23.4-bookworm',
};
/** The Go version used when go.mod does not say. */
export const DEFAULT_GO = '1.23';
/** Full Go versions by minor, for CI setup steps. */
export const GO_VERSIONS: Readonly<Record<string, string>> = { '1.21': '1.21.13', '1.22': '1.22.10', '1.23': '1.23.4' };

/** The final image of static Go binaries: no shell, no package manager, runs as uid 65532. */
export const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12:nonroot';

/** Java feature releases and the images used to build and run them. */
export const JAVA_IMAGES: Readonly<Record<number, { jdk: string; jre: string; maven: string; gradle: string }>> = {
  11: { jdk: 'eclipse-temurin:11.0.25_9-jdk', jre: 'eclipse-temurin:11.0.25_9-jre-alpine', maven: 'maven:3.9.9-eclipse-temurin-11', gradle: 'gradle:8.11.1-jdk11' },
  17: { jdk: 'eclipse-temurin:17.0.13_11-jdk', jre: 'eclipse-temurin:17.0.13_11-jre-alpine', maven: 'maven:3.9.9-eclipse-temurin-17', gradle: 'gradle:8.11.1-jdk17' },
  21: { jdk: 'eclipse-temurin:21.0.5_11-jdk', jre: 'eclipse-temurin:21.0.5_11-jre-alpine', maven: 'maven:3.9.9-eclipse-temurin-21', gradle: 'gradle:8.11.1-jdk21' },
};
/** The Java release used when the build file does not say. */
export const DEFAULT_JAVA = 21;

/** Database images for local parity in compose. */
export const POSTGRES_IMAGE = 'postgres:16.6-alpine';
export const MYSQL_IMAGE = 'mysql:8.4.3';

/** CI tool images and versions. */
export const DOCKER_IMAGE = 'docker:27.4.1';
export const DOCKER_DIND_IMAGE = 'docker:27.4.1-dind';
export const TRIVY_IMAGE = 'aquasec/trivy:0.58.1';
export const KUBECTL_IMAGE = 'bitnami/kubectl:1.31.4';
export const CURL_IMAGE = 'curlimages/curl:8.11.1';
export const TRIVY_VERSION = 'v0.58.1';

/** Python tools installed in CI and images, pinned. */
export const POETRY_VERSION = '1.8.5';
export const UV_VERSION = '0.5.11';
export const RUFF_VERSION = '0.8.4';
export const PYTEST_VERSION = '8.3.4';

/** Terraform and provider constraints. */
export const TERRAFORM_REQUIRED = '>= 1.6.0, < 2.0.0';
export const AWS_PROVIDER = '~> 5.80';
export const GOOGLE_PROVIDER = '~> 6.14';

/** Pick the entry of a numeric table nearest at or above `wanted`, else the newest. */
export function atOrAbove<T>(table: Readonly<Record<number, T>>, wanted: number | undefined, fallback: number): number {
  const keys = Object.keys(table)
    .map(Number)
    .sort((a, b) => a - b);
  if (wanted === undefined || Number.isNaN(wanted)) {
    return fallback;
  }
  const found = keys.find((k) => k >= wanted);
  return found ?? keys[keys.length - 1];
}
