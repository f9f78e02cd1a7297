import * as vscode from 'vscode';
import { runSuite } from '../mochaHost';

/** Entry point of the multi-root suite (two folders, each with its own aurora.yaml). */
export function run(): Promise<void> {
  return runSuite('multiroot', __dirname, vscode.version);
}
