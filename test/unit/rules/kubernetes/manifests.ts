/** Helpers for the Kubernetes rule tables: YAML written one line per argument, so line numbers are easy to read. */

/** Join lines into a YAML text (line N of the result is argument N). */
export function y(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A Deployment header (7 lines, the pod spec `spec:` is line 13 with the template below). */
export function deploymentWith(...podSpec: string[]): string {
  return y(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      app: web',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    '    spec:',
    ...podSpec.map((l) => `      ${l}`),
  );
}
