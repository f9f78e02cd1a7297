import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import { isModelError, ModelError } from './model';
import type { ModelClient, ModelRequest, StreamEvent, StreamOptions } from './model';
import { messages } from './messages';
import { redactSecrets } from './redact';
import type { Usage } from './types';

/**
 * The ModelClient port over the official Anthropic SDK: `messages.stream`, the SDK's own retries
 * (429, 529, 5xx, connection errors) made visible through a middleware, and errors turned into
 * ModelError with a next step for the user.
 */

/** How to reach the API. */
export interface AnthropicOptions {
  apiKey: string;
  /** Endpoint; defaults to the SDK's (ANTHROPIC_BASE_URL when set in the environment). */
  baseURL?: string;
  /** Retries of the SDK for 408/409/429/5xx/529 and connection errors (default 2). */
  maxRetries?: number;
  /** Per-request timeout in milliseconds (default 10 minutes). */
  timeoutMs?: number;
}

const RETRY_LABEL: Record<number, string> = { 408: 'request timeout', 409: 'conflict', 429: 'rate limited', 529: 'overloaded' };

/** A middleware that reports every response the SDK will retry, so users see why they wait. */
function retryNotices(maxRetries: number, onNotice: ((m: string) => void) | undefined): Middleware {
  return async (request, next) => {
    const response = await next(request);
    if (!onNotice || response.ok) {
      return response;
    }
    const attempt = Number(request.headers.get('x-stainless-retry-count') ?? '0');
    const should = response.headers.get('x-should-retry');
    const retryable = should === 'true' || (should !== 'false' && (response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500));
    if (retryable && attempt < maxRetries) {
      const ms = Number(response.headers.get('retry-after-ms') ?? NaN);
      const s = Number(response.headers.get('retry-after') ?? NaN);
      const wait = Number.isFinite(ms) ? ms : Number.isFinite(s) ? s * 1000 : undefined;
      onNotice(messages.retrying(response.status, RETRY_LABEL[response.status] ?? 'server error', wait, attempt + 2, maxRetries + 1));
    }
    return response;
  };
}

/** The SDK-backed model client. */
export class AnthropicModelClient implements ModelClient {
  private readonly client: Anthropic;
  private readonly maxRetries: number;
  private readonly apiKey: string;
  readonly baseURL: string;

  constructor(options: AnthropicOptions) {
    this.maxRetries = options.maxRetries ?? 2;
    this.apiKey = options.apiKey;
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: this.maxRetries,
      timeout: options.timeoutMs ?? 600_000,
      logLevel: 'off',
    });
    this.baseURL = this.client.baseURL;
  }

  async *stream(request: ModelRequest, options: StreamOptions): AsyncIterable<StreamEvent> {
    const params = {
      model: request.model,
      max_tokens: request.maxTokens,
      system: request.system,
      tools: request.tools,
      messages: request.messages,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    } as unknown as Anthropic.MessageStreamParams;
    try {
      const stream = this.client.messages.stream(params, { signal: options.signal, middleware: [retryNotices(this.maxRetries, options.onNotice)] });
      for await (const event of stream) {
        const converted = convert(event);
        if (converted) {
          yield converted;
        }
      }
    } catch (e) {
      throw this.scrubbed(await this.toModelError(e, request.model, options.signal));
    }
  }

  /**
   * The error with the API key (and anything shaped like a credential) taken out of its
   * message: servers and proxies echo request headers in error bodies, and these messages reach
   * the chat, the CLI's stderr and logs.
   */
  private scrubbed(error: ModelError): ModelError {
    const message = this.scrub(error.message);
    return message === error.message ? error : new ModelError(error.kind, message, error.status, error.availableModels);
  }

  private scrub(text: string): string {
    const withoutKey = this.apiKey.length >= 8 ? text.split(this.apiKey).join('[API key]') : text;
    return redactSecrets(withoutKey).text;
  }

  /** Models this key can use (first page of the Models API). */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const ids: string[] = [];
    let page;
    try {
      page = await this.client.models.list({ limit: 100 }, { signal, maxRetries: 0 });
    } catch (e) {
      throw new Error(this.scrub(e instanceof Error ? e.message : String(e)));
    }
    for (const m of page.data) {
      ids.push(m.id);
    }
    return ids;
  }

  private async toModelError(e: unknown, model: string, signal?: AbortSignal): Promise<ModelError> {
    if (isModelError(e)) {
      return e;
    }
    if (e instanceof APIUserAbortError || signal?.aborted) {
      return new ModelError('aborted', messages.cancelled);
    }
    if (e instanceof APIConnectionTimeoutError) {
      return new ModelError('timeout', messages.timeout(this.baseURL));
    }
    if (e instanceof APIConnectionError) {
      const cause = (e as { cause?: unknown }).cause;
      const detail = cause instanceof Error ? ((cause as { cause?: { code?: string } }).cause?.code ?? cause.message) : e.message;
      return new ModelError('network', messages.network(this.baseURL, detail));
    }
    if (e instanceof APIError) {
      const status = e.status;
      const type = e.type ?? (e.error as { error?: { type?: string } } | undefined)?.error?.type ?? undefined;
      const apiMessage = e.apiMessage ?? (e.error as { error?: { message?: string } } | undefined)?.error?.message ?? e.message;
      if (status === 401 || type === 'authentication_error') {
        return new ModelError('auth', messages.auth, status);
      }
      if (status === 403 || type === 'permission_error') {
        return new ModelError('permission', messages.permission(apiMessage), status);
      }
      if (status === 404 || type === 'not_found_error') {
        let available: string[] | undefined;
        let listProblem: string | undefined;
        try {
          available = await this.listModels(signal);
        } catch (err) {
          listProblem = err instanceof Error ? err.message : String(err);
        }
        return new ModelError('model_not_found', messages.modelNotFound(model, available, listProblem), status, available);
      }
      if (status === 429 || type === 'rate_limit_error') {
        return new ModelError('rate_limit', messages.rateLimited(this.maxRetries), status);
      }
      if (status === 529 || type === 'overloaded_error') {
        return new ModelError('overloaded', messages.overloaded(this.maxRetries, status === undefined), status);
      }
      if (status === undefined) {
        return new ModelError('stream', messages.streamError(type ?? 'error', apiMessage));
      }
      if (status >= 500) {
        return new ModelError('server', messages.server(status, this.maxRetries), status);
      }
      if (status === 400 || status === 413 || status === 422) {
        return new ModelError('bad_request', messages.badRequest(apiMessage), status);
      }
      return new ModelError('other', `${status}: ${apiMessage}`, status);
    }
    const code = (e as { cause?: { code?: string }; code?: string }).cause?.code ?? (e as { code?: string }).code;
    if (e instanceof Error && (e.message === 'terminated' || /^(UND_ERR|ECONNRESET|EPIPE|ETIMEDOUT)/.test(code ?? ''))) {
      return new ModelError('network', messages.network(this.baseURL, code ?? e.message));
    }
    return new ModelError('other', e instanceof Error ? e.message : String(e));
  }
}

/** Reduce an SDK stream event to the plain event the loop understands. */
function convert(event: Anthropic.MessageStreamEvent): StreamEvent | undefined {
  switch (event.type) {
    case 'message_start':
      return { type: 'message_start', usage: event.message.usage as unknown as Partial<Usage> };
    case 'content_block_start': {
      const b = event.content_block;
      if (b.type === 'text') {
        return { type: 'content_block_start', index: event.index, block: { type: 'text', text: b.text } };
      }
      if (b.type === 'tool_use') {
        return { type: 'content_block_start', index: event.index, block: { type: 'tool_use', id: b.id, name: b.name } };
      }
      return { type: 'content_block_start', index: event.index, block: { type: 'other', blockType: b.type } };
    }
    case 'content_block_delta': {
      const d = event.delta;
      if (d.type === 'text_delta') {
        return { type: 'content_block_delta', index: event.index, delta: { type: 'text_delta', text: d.text } };
      }
      if (d.type === 'input_json_delta') {
        return { type: 'content_block_delta', index: event.index, delta: { type: 'input_json_delta', partial_json: d.partial_json } };
      }
      return { type: 'content_block_delta', index: event.index, delta: { type: 'other' } };
    }
    case 'content_block_stop':
      return { type: 'content_block_stop', index: event.index };
    case 'message_delta':
      return { type: 'message_delta', stopReason: event.delta.stop_reason, usage: event.usage as unknown as Partial<Usage> };
    case 'message_stop':
      return { type: 'message_stop' };
    default:
      return undefined;
  }
}
