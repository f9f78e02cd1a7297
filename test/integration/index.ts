import * as vscode from 'vscode';
import { runSuite } from './mochaHost';

/** Entry point called by the extension host (extensionTestsPath): the main, trusted suite. */
export function run(): Promise<void> {
  return runSuite('main', __dirname, vscode.version);
}
