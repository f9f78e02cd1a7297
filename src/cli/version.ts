/** The package version, injected by the build (falls back for unbundled test runs). */
declare const AURORA_VERSION: string | undefined;

export const VERSION: string = typeof AURORA_VERSION === 'string' ? AURORA_VERSION : '0.0.0-dev';
