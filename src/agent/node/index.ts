/** Node implementations of the agent's ports (the CLI and tests use them). */
export { NodeWorkspace, realpathDeep, isCaseInsensitive } from './workspace';
export { NodeShell } from './shell';
export { loadWorkspace } from './setup';
export type { LoadedWorkspace } from './setup';
export { collectSecretValues, findEnvFiles, isEnvFile, parseEnvFile } from './secretValues';
