import * as vscode from 'vscode';
import { runSuite } from '../mochaHost';

/** Entry point of the Restricted Mode suite (the runner enables workspace trust for it). */
export function run(): Promise<void> {
  return runSuite('restricted', __dirname, vscode.version);
}
