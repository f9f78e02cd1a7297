import type { ContentBlock, Message } from './model';

/**
 * The context budget of one request. The whole conversation is kept (and stored by the host), but
 * what is sent must fit the model's window: old tool results are elided first (each replaced by a
 * short note), then the oldest turns are dropped (whole prompts with everything after them, so
 * every tool_use keeps its tool_result) and the first prompt kept says so. Token counts are
 * estimates (about four characters a token); the margins absorb the error.
 */

/** Characters per token of the estimate. */
export const CHARS_PER_TOKEN = 4;

/** The window of a model not in the table: small enough for most servers that speak this API. */
export const DEFAULT_CONTEXT_WINDOW = 32_000;

/** Context windows by model id, first match wins. */
const WINDOWS: readonly { test: RegExp; tokens: number }[] = [
  { test: /claude-(2\.0|instant)/i, tokens: 100_000 },
  { test: /claude|sonnet|opus|haiku/i, tokens: 200_000 },
  { test: /^(gpt-4o|gpt-4-turbo|o1|o3|o4)/i, tokens: 128_000 },
  { test: /^gpt-3\.5-turbo/i, tokens: 16_000 },
  { test: /^gpt-4(-|$)/i, tokens: 8_000 },
];

/** The context window of a model in tokens; `override` (a setting) wins when it is a positive number. */
export function contextWindow(modelId: string, override?: number): number {
  if (override !== undefined && Number.isFinite(override) && override > 0) {
    return Math.floor(override);
  }
  return WINDOWS.find((w) => w.test.test(modelId))?.tokens ?? DEFAULT_CONTEXT_WINDOW;
}

/** Estimated tokens of a text. */
export function estimateText(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Tokens a block costs besides its text (its framing in the request). */
const BLOCK_OVERHEAD = 8;

function blockTokens(b: ContentBlock): number {
  switch (b.type) {
    case 'text':
      return BLOCK_OVERHEAD + estimateText(b.text);
    case 'tool_use':
      return BLOCK_OVERHEAD + estimateText(b.name) + estimateText(JSON.stringify(b.input));
    case 'tool_result':
      return BLOCK_OVERHEAD + estimateText(b.content);
  }
}

/** Estimated tokens of one message. */
export function estimateMessage(m: Message): number {
  return 4 + (typeof m.content === 'string' ? estimateText(m.content) : m.content.reduce((n, b) => n + blockTokens(b), 0));
}

/** Estimated tokens of messages. */
export function estimateMessages(messages: readonly Message[]): number {
  return messages.reduce((n, m) => n + estimateMessage(m), 0);
}

/** The note an elided tool result becomes. */
export function elidedNote(chars: number): string {
  return `[This tool result (${chars} characters) was elided to fit the context window. Run the tool again if you need it.]`;
}

/** The note the first kept prompt starts with when older turns were dropped. */
export function droppedNote(messages: number): string {
  return `[${messages} earlier message${messages === 1 ? ' was' : 's were'} left out of this conversation to fit the context window.]`;
}

/** What was sent. */
export interface Fitted {
  /** The messages to send (the input when nothing had to go). */
  messages: Message[];
  /** Tool results replaced by a note. */
  elided: number;
  /** Older messages left out. */
  dropped: number;
  /** Estimated tokens of `messages`. */
  tokens: number;
  /** Whether `messages` fit the budget (false only when the newest turn alone is larger). */
  fits: boolean;
}

/** When the budget is exceeded, cut down to this share of it, so the next turns fit unchanged (and their cache holds). */
const TARGET_SHARE = 0.8;

/** Replace tool results by notes, oldest first, until `target`; the last message stays whole. */
export function elide(messages: readonly Message[], target: number): { messages: Message[]; tokens: number; elided: number } {
  const out: Message[] = messages.map((m) => (typeof m.content === 'string' ? { ...m } : { ...m, content: [...m.content] }));
  let tokens = estimateMessages(out);
  let elided = 0;
  for (let i = 0; i < out.length - 1 && tokens > target; i++) {
    const content = out[i].content;
    if (typeof content === 'string') {
      continue;
    }
    for (let j = 0; j < content.length && tokens > target; j++) {
      const b = content[j];
      if (b.type !== 'tool_result') {
        continue;
      }
      const note = elidedNote(b.content.length);
      if (note.length >= b.content.length) {
        continue;
      }
      tokens -= estimateText(b.content) - estimateText(note);
      content[j] = { ...b, content: note };
      elided++;
    }
  }
  return { messages: out, tokens, elided };
}

/**
 * Fit the messages to `budget` tokens. The newest message (the prompt or the tool results the
 * model is about to read) is never elided. When eliding every older tool result is not enough,
 * the oldest whole turns go (as few as possible) and the kept ones are elided again as needed.
 * Once over budget, it cuts down to 80% of it, so the next turns fit unchanged and the prompt
 * cache keeps its prefix.
 */
export function fitToBudget(messages: readonly Message[], budget: number): Fitted {
  const total = estimateMessages(messages);
  if (total <= budget) {
    return { messages: [...messages], elided: 0, dropped: 0, tokens: total, fits: true };
  }
  const target = Math.floor(budget * TARGET_SHARE);
  const all = elide(messages, target);
  if (all.tokens <= budget) {
    return { messages: all.messages, elided: all.elided, dropped: 0, tokens: all.tokens, fits: true };
  }
  const cuts = promptStarts(messages);
  let best: Fitted | undefined;
  for (const cut of cuts) {
    const first = messages[cut];
    const blocks: ContentBlock[] = typeof first.content === 'string' ? [{ type: 'text', text: first.content }] : first.content;
    const tail = [{ role: 'user' as const, content: [{ type: 'text' as const, text: droppedNote(cut) }, ...blocks] }, ...messages.slice(cut + 1)];
    const r = elide(tail, target);
    best = { messages: r.messages, elided: r.elided, dropped: cut, tokens: r.tokens, fits: r.tokens <= budget };
    if (r.tokens <= target) {
      return best;
    }
  }
  // only the newest turn is left and it is still too large: send it, the caller reports it
  return best ?? { messages: all.messages, elided: all.elided, dropped: 0, tokens: all.tokens, fits: false };
}

/**
 * Where the conversation may be cut: before a user prompt (a user message without tool results),
 * never at the first message. A cut there leaves no tool_result without its tool_use.
 */
export function promptStarts(messages: readonly Message[]): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < messages.length; i++) {
    const m = messages[i];
    if (m.role === 'user' && (typeof m.content === 'string' || !m.content.some((b) => b.type === 'tool_result'))) {
      cuts.push(i);
    }
  }
  return cuts;
}

/**
 * Where to condense a conversation that eliding alone cannot fit into `budget`: the fewest oldest
 * messages whose replacement by a summary of at most `reserve` tokens lets the rest (old tool
 * results elided) fit 80% of the budget. When no cut is enough, the latest one (fold all it can;
 * fitting then drops or elides the rest). Undefined when there is nothing older than the newest
 * prompt to condense.
 */
export function condensationCut(messages: readonly Message[], budget: number, reserve: number): number | undefined {
  const cuts = promptStarts(messages);
  const target = Math.floor(budget * TARGET_SHARE) - reserve;
  for (const cut of cuts) {
    if (elide(messages.slice(cut), target).tokens <= target) {
      return cut;
    }
  }
  return cuts.at(-1);
}
