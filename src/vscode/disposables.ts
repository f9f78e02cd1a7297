import * as vscode from 'vscode';

/**
 * Owns disposables: each is added the moment it is created and all go away together, newest first,
 * so nothing leaks when the owner is disposed.
 */
export class DisposableStore implements vscode.Disposable {
  private readonly items: vscode.Disposable[] = [];
  private disposed = false;

  /** Take ownership of `item` and return it. Disposes it at once if the store is already gone. */
  add<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  /** Dispose everything owned so far. */
  dispose(): void {
    this.disposed = true;
    while (this.items.length > 0) {
      try {
        this.items.pop()?.dispose();
      } catch {
        // one failing dispose must not keep the others alive
      }
    }
  }
}
