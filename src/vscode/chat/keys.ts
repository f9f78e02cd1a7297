import * as vscode from 'vscode';

/** SecretStorage key of the Anthropic API key (never settings, logs or the webview). */
const SECRET = 'aurora.anthropic.apiKey';

/** The API key: SecretStorage first, then ANTHROPIC_API_KEY from the environment. */
export class ApiKeys {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the stored key changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    secrets.onDidChange((e) => {
      if (e.key === SECRET) {
        this.changed.fire();
      }
    });
  }

  async get(): Promise<string | undefined> {
    const stored = await this.secrets.get(SECRET);
    if (stored) {
      return stored;
    }
    const env = process.env.ANTHROPIC_API_KEY;
    return env && env.trim() !== '' ? env.trim() : undefined;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET, key.trim());
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET);
    this.changed.fire();
  }

  /** Ask for a key in a password box and store it. */
  async prompt(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: vscode.l10n.t('Aurora: Set Anthropic API Key'),
      prompt: vscode.l10n.t('Stored in VS Code secret storage, never in settings.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a key') : undefined),
    });
    if (!key) {
      return false;
    }
    await this.set(key);
    return true;
  }
}
