import type { Message } from './model';

/**
 * What Retry and Regenerate send: the conversation cut back so that it ends with the user's turn,
 * for `runAgent(null, …)` to continue.
 */

/** A message the user wrote (not only the results of tool calls). */
function isPrompt(m: Message): boolean {
  return m.role === 'user' && (typeof m.content === 'string' || m.content.some((b) => b.type === 'text'));
}

/**
 * After a failed request: without the partial answer a stream cut midway left last, or undefined
 * when the conversation does not end with the user's turn.
 */
export function retryConversation(messages: readonly Message[]): Message[] | undefined {
  const out = messages[messages.length - 1]?.role === 'assistant' ? messages.slice(0, -1) : [...messages];
  return out[out.length - 1]?.role === 'user' ? out : undefined;
}

/**
 * The conversation up to the user's last message, without the answer that followed (its text,
 * tool calls and their results); undefined when there is no answer to drop.
 */
export function regenerateConversation(messages: readonly Message[]): Message[] | undefined {
  let i = messages.length - 1;
  while (i >= 0 && !isPrompt(messages[i])) {
    i--;
  }
  return i < 0 || i === messages.length - 1 ? undefined : messages.slice(0, i + 1);
}
