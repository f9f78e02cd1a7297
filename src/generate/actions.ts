/**
 * Actions the generated GitHub workflows use, pinned to full commit SHAs. A tag can be moved to
 * other code at any time; a commit cannot, so workflows reference the SHA and keep the tag in a
 * trailing comment for humans and update bots. An action missing from this table is referenced
 * by its major tag, and `aurora-devops check` then asks for a pin.
 */
const KNOWN: Readonly<Record<string, { sha: string; tag: string }>> = {
  'actions/checkout': { sha: '11bd71901bbe5b1630ceea73d27597364c9af683', tag: 'v4.2.2' },
  'actions/setup-node': { sha: '39370e3970a6d050c480ffad4ff0ed4d3fdee5af', tag: 'v4.1.0' },
  'actions/setup-python': { sha: '0b93645e9fea7318ecaed2b359559ac225c90a2b', tag: 'v5.3.0' },
  'actions/setup-go': { sha: '41dfa10bad2bb2ae585af6ee5bb4d7d973ad74ed', tag: 'v5.1.0' },
  'actions/setup-java': { sha: '8df1039502a15bceb9433410b1a100fbe190c53b', tag: 'v4.5.0' },
  'docker/setup-buildx-action': { sha: 'c47758b77c9736f4b2ef4073d4d51994fabfe349', tag: 'v3.7.1' },
  'docker/login-action': { sha: '9780b0c442fbb1117ed29e0efdff1e18412f7567', tag: 'v3.3.0' },
  'docker/build-push-action': { sha: '4f58ea79222b3b9dc2c8bbdd6debcef730109a75', tag: 'v6.9.0' },
  'aquasecurity/trivy-action': { sha: '915b19bbe73b92a6cf82a1bc12b087c9a19a5fe2', tag: 'v0.28.0' },
};

/** The `uses:` value (with its trailing comment) for an action, e.g. `actions/checkout@<sha> # v4.2.2`. */
export function uses(action: string, majorTag: string): string {
  const known = KNOWN[action];
  return known ? `${action}@${known.sha} # ${known.tag}` : `${action}@${majorTag}`;
}

/** Whether an action has a pinned commit in the table. */
export function isPinned(action: string): boolean {
  return action in KNOWN;
}
