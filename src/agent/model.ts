import type { Usage } from './types';

/**
 * The ModelClient port: one streamed Messages API call. The loop only sees these plain types;
 * src/agent/anthropic.ts implements the port with the official SDK.
 */

/** A text block, optionally marking the end of a cacheable prefix. */
export interface TextBlock {
  type: 'text';
  text: string;
  cache_control?: { type: 'ephemeral' };
}

/** A tool call the model made. */
export interface ToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
  cache_control?: { type: 'ephemeral' };
}

/** The answer to a tool call. */
export interface ToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  is_error?: boolean;
  cache_control?: { type: 'ephemeral' };
}

/** A content block of a conversation message. */
export type ContentBlock = TextBlock | ToolUseBlock | ToolResultBlock;

/** One message of the conversation (the Messages API shape). */
export interface Message {
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
}

/** A tool's JSON schema as the API takes it. */
export interface ToolSchema {
  name: string;
  description: string;
  input_schema: { type: 'object'; properties: Record<string, unknown>; required?: string[] };
  cache_control?: { type: 'ephemeral' };
}

/** One request. */
export interface ModelRequest {
  model: string;
  system: TextBlock[];
  tools: ToolSchema[];
  messages: Message[];
  maxTokens: number;
  temperature?: number;
}

/** Raw streaming events, as the API sends them (only the fields the loop uses). */
export type StreamEvent =
  | { type: 'message_start'; usage?: Partial<Usage> }
  | { type: 'content_block_start'; index: number; block: { type: 'text'; text?: string } | { type: 'tool_use'; id: string; name: string } | { type: 'other'; blockType: string } }
  | { type: 'content_block_delta'; index: number; delta: { type: 'text_delta'; text: string } | { type: 'input_json_delta'; partial_json: string } | { type: 'other' } }
  | { type: 'content_block_stop'; index: number }
  | { type: 'message_delta'; stopReason?: string | null; usage?: Partial<Usage> }
  | { type: 'message_stop' };

/** Why a model call failed, in categories the UI can act on. */
export type ModelErrorKind = 'auth' | 'permission' | 'model_not_found' | 'rate_limit' | 'overloaded' | 'server' | 'network' | 'timeout' | 'bad_request' | 'aborted' | 'stream' | 'other';

/** A failed model call with a message for users (what happened and what to do). */
export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly status?: number,
    /** For `model_not_found`: the models this key can use, when the Models API answered. */
    readonly availableModels?: string[],
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/**
 * Whether a value is a ModelError. Structural, not `instanceof`: the extension loads the model
 * client from its own bundle (dist/anthropic.js), whose ModelError is a different class object.
 */
export function isModelError(e: unknown): e is ModelError {
  return e instanceof ModelError || (e instanceof Error && e.name === 'ModelError' && typeof (e as { kind?: unknown }).kind === 'string');
}

/** Options of one streamed call. */
export interface StreamOptions {
  signal?: AbortSignal;
  /** Visible progress the user should see (e.g. "overloaded, retrying in 2 s"). */
  onNotice?: (message: string) => void;
}

/** The port: stream one Messages API call. Throws ModelError. */
export interface ModelClient {
  stream(request: ModelRequest, options: StreamOptions): AsyncIterable<StreamEvent>;
  /** Model ids this key can use (for pickers and "unknown model" messages), when supported. */
  listModels?(signal?: AbortSignal): Promise<string[]>;
}
