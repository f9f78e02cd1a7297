import * as vscode from 'vscode';
import type { DiagnosticsManager } from './diagnostics';
import { DisposableStore } from './disposables';

/** Status bar item with the number of Aurora problems; a click opens the Problems panel. */
export class ProblemsStatusItem implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly item: vscode.StatusBarItem;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly diagnostics: DiagnosticsManager) {
    this.item = this.store.add(vscode.window.createStatusBarItem('aurora.problems', vscode.StatusBarAlignment.Left, 10));
    this.item.name = vscode.l10n.t('Aurora DevOps problems');
    this.item.command = 'workbench.actions.view.problems';
    this.store.add(diagnostics.onDidChange(() => this.updateSoon()));
    this.store.add({ dispose: () => clearTimeout(this.pending) });
    this.update();
    this.item.show();
  }

  /** Coalesce bursts (a scan publishes thousands of times). */
  private updateSoon(): void {
    if (!this.pending) {
      this.pending = setTimeout(() => {
        this.pending = undefined;
        this.update();
      }, 100);
    }
  }

  /** The text currently shown (for tests and logs). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const c = this.diagnostics.counts();
    const total = c.errors + c.warnings + c.infos;
    this.item.text = total === 0 ? '$(check) Aurora' : `$(warning) Aurora ${total}`;
    this.item.tooltip = vscode.l10n.t('Aurora DevOps: {0} errors, {1} warnings, {2} infos. Click to open the Problems panel.', c.errors, c.warnings, c.infos);
  }

  dispose(): void {
    this.store.dispose();
  }
}
