import { CHARS_PER_TOKEN, estimateText } from './budget';
import type { ContentBlock, Message, ModelClient } from './model';
import { ModelError } from './model';
import type { Usage } from './types';

/**
 * Condensation: when eliding old tool results is not enough to fit the context window, the oldest
 * turns are replaced by a summary the model writes of them, instead of being left out. The
 * summary request carries the old turns as plain text (no tool blocks, so no tools are offered
 * and none can be called), and what it returns becomes the first prompt of the conversation.
 */

/** The system prompt of a summary request (a test double recognises condensation requests by it). */
export const CONDENSE_SYSTEM = 'You condense the earlier part of a conversation between a platform engineer and Aurora, a DevOps agent working in their repository, so that the conversation can go on within the model\'s context window. You only write the summary; you do not continue the conversation.';

/** What the summary must keep. */
export function condenseInstruction(maxTokens: number): string {
  const words = Math.max(100, Math.floor(maxTokens * 0.6));
  return `Write a summary of the conversation above that lets Aurora continue the work without it. Keep: what the user asked for and still wants; decisions made; files read or changed (their paths) and what changed; commands run and their outcome (exit codes, the errors that matter); findings still open; what the user or the workspace policy refused, and why; the next steps. Leave out file contents and command output except for lines that matter. Never include secret values. Plain text or short Markdown, at most about ${words} words.`;
}

/** The first line of a condensed conversation's first prompt. */
export const SUMMARY_HEAD = '[Summary of the earlier conversation, condensed to fit the context window]';
const SUMMARY_TAIL = '[End of the summary. The conversation goes on from here.]';

/** The text block that stands for the condensed turns. */
export function summaryBlock(summary: string): string {
  return `${SUMMARY_HEAD}\n${summary.trim()}\n${SUMMARY_TAIL}`;
}

/** Characters of one tool call's input or result kept in the text sent for summarising. */
const CALL_CHARS = 400;
const RESULT_CHARS = 1500;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.floor(max * 0.7))}\n[… ${text.length - max} characters left out …]\n${text.slice(-Math.floor(max * 0.3))}`;
}

function blockText(b: ContentBlock): string {
  switch (b.type) {
    case 'text':
      return b.text;
    case 'tool_use':
      return `[Aurora called ${b.name} ${clip(JSON.stringify(b.input), CALL_CHARS)}]`;
    case 'tool_result':
      return `[${b.is_error ? 'Error result' : 'Result'}: ${clip(b.content, RESULT_CHARS)}]`;
  }
}

/**
 * The turns to condense as one plain text, at most `maxChars` characters: each tool result is
 * clipped, and when the whole is still too long the middle goes (the start holds an earlier
 * summary, the end the latest state).
 */
export function flattenForSummary(messages: readonly Message[], maxChars: number): string {
  const parts = messages.map((m) => {
    const body = typeof m.content === 'string' ? m.content : m.content.map(blockText).join('\n');
    return `${m.role === 'user' ? 'User' : 'Aurora'}:\n${body}`;
  });
  const text = parts.join('\n\n');
  if (text.length <= maxChars) {
    return text;
  }
  const head = Math.floor(maxChars * 0.25);
  return `${text.slice(0, head)}\n\n[… ${text.length - maxChars} characters of the conversation left out …]\n\n${text.slice(text.length - (maxChars - head))}`;
}

/** The conversation with the messages before `cut` replaced by the summary, put before the prompt at `cut`. */
export function withSummary(messages: readonly Message[], cut: number, summary: string): Message[] {
  const first = messages[cut];
  const blocks: ContentBlock[] = typeof first.content === 'string' ? [{ type: 'text', text: first.content }] : first.content;
  return [{ role: 'user', content: [{ type: 'text', text: summaryBlock(summary) }, ...blocks] }, ...messages.slice(cut + 1)];
}

/** What a summary request needs. */
export interface SummaryRequest {
  model: ModelClient;
  modelId: string;
  /** The context window in tokens. */
  window: number;
  /** Tokens the summary may take. */
  maxTokens: number;
  signal?: AbortSignal;
}

/**
 * Ask the model for a summary of `messages`. Throws a ModelError when the call fails or the
 * answer holds no text; usage is what the call cost.
 */
export async function summarize(messages: readonly Message[], request: SummaryRequest): Promise<{ summary: string; usage: Usage; cut: boolean }> {
  const instruction = condenseInstruction(request.maxTokens);
  const room = Math.floor(request.window * 0.9) - request.maxTokens - estimateText(CONDENSE_SYSTEM) - estimateText(instruction) - 100;
  const transcript = flattenForSummary(messages, Math.max(2000, room * CHARS_PER_TOKEN));
  const usage: Usage = { input_tokens: 0, output_tokens: 0 };
  let summary = '';
  let stopReason: string | null | undefined;
  for await (const event of request.model.stream(
    {
      model: request.modelId,
      system: [{ type: 'text', text: CONDENSE_SYSTEM }],
      tools: [],
      messages: [{ role: 'user', content: `<conversation>\n${transcript}\n</conversation>\n\n${instruction}` }],
      maxTokens: request.maxTokens,
      temperature: 0,
    },
    { ...(request.signal ? { signal: request.signal } : {}) },
  )) {
    if (event.type === 'message_start') {
      usage.input_tokens += (event.usage?.input_tokens ?? 0) + (event.usage?.cache_read_input_tokens ?? 0) + (event.usage?.cache_creation_input_tokens ?? 0);
    } else if (event.type === 'content_block_start' && event.block.type === 'text') {
      summary += event.block.text ?? '';
    } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      summary += event.delta.text;
    } else if (event.type === 'message_delta') {
      stopReason = event.stopReason ?? stopReason;
      usage.output_tokens = event.usage?.output_tokens ?? usage.output_tokens;
    }
  }
  if (summary.trim() === '') {
    throw new ModelError('other', 'the model returned an empty summary');
  }
  return { summary: summary.trim(), usage, cut: stopReason === 'max_tokens' };
}
