/** Node implementations of the agent's ports (the CLI and tests use them). */
export { NodeWorkspace, realpathDeep, realpathInWorkspace, isCaseInsensitive } from './workspace';
export { NodeShell } from './shell';
export { safeReadText, safeWriteText, prepareSafeWrite, resolveSafe } from './safeFs';
export type { SafeFsOptions, SafePurpose, SafeTarget } from './safeFs';
export { loadWorkspace } from './setup';
export type { LoadedWorkspace } from './setup';
export { collectSecretValues, findEnvFiles, isEnvFile, parseEnvFile } from './secretValues';
