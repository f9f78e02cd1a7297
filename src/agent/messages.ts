/** User-visible sentences of the agent, in one place (errors say what to do next). */
export const messages = {
  auth: 'The API rejected the API key (401). Set your API key: export ANTHROPIC_API_KEY=… for the CLI, or run "Aurora DevOps: Set API Key" in VS Code.',
  noKey: 'No API key. Set your API key: export ANTHROPIC_API_KEY=… (create one in the Anthropic Console).',
  cancelled: 'Cancelled.',
  permission: (detail: string): string => `This API key is not allowed to do that (403): ${detail}`,
  timeout: (baseURL: string): string => `The API at ${baseURL} did not answer in time. Check the network, or try again later.`,
  network: (baseURL: string, detail: string): string => `Cannot reach the API at ${baseURL} (${detail}). Check the network connection, a proxy, or ANTHROPIC_BASE_URL.`,
  modelNotFound: (model: string, available: string[] | undefined, listProblem: string | undefined): string => {
    const head = `The model '${model}' does not exist or this API key cannot use it.`;
    const fix = 'Set agents.devops.model in aurora.yaml (or pass --model).';
    if (available && available.length > 0) {
      return `${head} Models available to this key: ${available.join(', ')}. ${fix}`;
    }
    return listProblem ? `${head} ${fix} (The list of models could not be fetched: ${listProblem}.)` : `${head} ${fix}`;
  },
  rateLimited: (retries: number): string => `The API is rate limiting this key (429) and still was after ${retries} retries. Wait a minute and try again, or raise the key's limits.`,
  overloaded: (retries: number, midStream: boolean): string =>
    midStream ? 'The API is overloaded (529) and stopped the answer midway. Try again in a moment.' : `The API is overloaded (529) and still was after ${retries} retries. Try again in a moment.`,
  server: (status: number, retries: number): string => `The API failed with ${status} after ${retries} retries. Try again later.`,
  badRequest: (detail: string): string => `The API rejected the request: ${detail}`,
  streamError: (type: string, detail: string): string => `The answer stopped midway (${type}: ${detail}).`,
  retrying: (status: number, label: string, waitMs: number | undefined, attempt: number, attempts: number): string =>
    `The API answered ${status} (${label}); retrying${waitMs !== undefined ? ` in ${waitMs >= 1000 ? `${Math.round(waitMs / 100) / 10} s` : `${Math.round(waitMs)} ms`}` : ''} (attempt ${attempt} of ${attempts}).`,
  maxTurns: (n: number): string => `Stopped after ${n} turns (the limit). Continue the conversation to let the agent go on.`,
  maxTokens: 'The answer was cut at the max_tokens limit.',
  contextDropped: (messages: number, window: number): string => `The conversation is longer than the model's context window (about ${window.toLocaleString('en-US')} tokens): the ${messages} oldest messages were left out of this request and old tool results shortened. New chat starts afresh.`,
  condenseFailed: (detail: string): string => `The earlier conversation could not be condensed (${detail}): the oldest messages are left out of this request instead.`,
  declinedNever: 'The user did not approve this call: the agent runs non-interactively with --approve never, so writes and commands are refused. Explain what you would change or run instead.',
  declined: (why?: string): string => `The user declined this call${why ? `: ${why}` : ''}. Do not retry it unchanged; ask or propose an alternative.`,
  denied: (reasons: string[]): string => `Denied by the workspace policy (aurora.yaml): ${reasons.join('; ')}. Do not try to work around the policy; tell the user what permission would be needed.`,
  invalidInput: (detail: string): string => `The tool input was not valid JSON (${detail}). Call the tool again with a JSON object.`,
  cancelledTool: 'Cancelled by the user before it finished.',
  skippedTool: 'Not run: the conversation was cancelled.',
};
