/**
 * A file operation the workspace refused for safety: a symbolic link leading out of the workspace
 * or to nowhere, a secret or protected file reached under another name, a path that changed while
 * it was being opened. Hosts throw it from `Workspace.readText` / `writeText`; its message is one
 * sentence for the model and the user, and the tools turn it into an error result.
 */
export class WorkspaceRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceRefusal';
  }
}

/** Whether an error is a WorkspaceRefusal (by name, so it holds across bundles). */
export function isWorkspaceRefusal(e: unknown): e is WorkspaceRefusal {
  return e instanceof Error && e.name === 'WorkspaceRefusal';
}
