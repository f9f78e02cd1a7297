/** The keys GitHub accepts at each level of a workflow file. */

/** Top-level workflow keys. */
export const WORKFLOW_KEYS: readonly string[] = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];

/** Keys of a job that runs steps, and of a job that calls a reusable workflow. */
export const JOB_KEYS: readonly string[] = [
  'name',
  'permissions',
  'needs',
  'if',
  'runs-on',
  'snapshot',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets',
];

/** Step keys. */
export const STEP_KEYS: readonly string[] = ['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'working-directory', 'continue-on-error', 'timeout-minutes'];
