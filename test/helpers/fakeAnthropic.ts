import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback server speaking the Messages API wire format (server-sent events for streams, JSON
 * errors with retry headers, the Models API list), driven by scripted turns. The real SDK talks
 * to it through `baseURL`; every request body is recorded for assertions.
 */

/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** What the server answers to one POST /v1/messages. */
export type ScriptedTurn =
  | {
      kind: 'stream';
      events: SseEvent[];
      /** Destroy the connection after this many events (a cut stream). */
      cutAfter?: number;
      /** Stop after this many events and keep the connection open until the client leaves. */
      hangAfter?: number;
    }
  | { kind: 'error'; status: number; type: string; message: string; headers?: Record<string, string> };

/** A request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  raw: string;
}

let nextId = 1;

function id(prefix: string): string {
  return `${prefix}_${String(nextId++).padStart(6, '0')}`;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(text.slice(i, i + size));
  }
  return out.length > 0 ? out : [''];
}

function messageStart(model = 'claude-test'): SseEvent {
  return {
    event: 'message_start',
    data: {
      type: 'message_start',
      message: { id: id('msg'), type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 120, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 100 } },
    },
  };
}

function textBlock(index: number, text: string): SseEvent[] {
  return [
    { event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } } },
    ...chunks(text, 7).map((c) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: c } } })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index } },
  ];
}

function end(stopReason: string, outputTokens: number): SseEvent[] {
  return [
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}

/** A streamed text answer. */
export function textTurn(text: string): ScriptedTurn {
  return { kind: 'stream', events: [messageStart(), { event: 'ping', data: { type: 'ping' } }, ...textBlock(0, text), ...end('end_turn', 15)] };
}

/** A tool call to script: `input` is sent as JSON in pieces; `rawJson` is sent verbatim (may be malformed). */
export interface ScriptedCall {
  name: string;
  input?: Record<string, unknown>;
  rawJson?: string;
  id?: string;
}

/** A streamed answer with optional text then tool calls (stop_reason tool_use). */
export function toolTurn(calls: ScriptedCall[], text?: string): ScriptedTurn {
  const events: SseEvent[] = [messageStart()];
  let index = 0;
  if (text) {
    events.push(...textBlock(index++, text));
  }
  for (const call of calls) {
    const json = call.rawJson ?? JSON.stringify(call.input ?? {});
    const i = index++;
    events.push({ event: 'content_block_start', data: { type: 'content_block_start', index: i, content_block: { type: 'tool_use', id: call.id ?? id('toolu'), name: call.name, input: {} } } });
    for (const c of chunks(json, 9)) {
      events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index: i, delta: { type: 'input_json_delta', partial_json: c } } });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index: i } });
  }
  events.push(...end('tool_use', 40));
  return { kind: 'stream', events };
}

/** A text answer that stops after `sent` events and never finishes (for cancellation). */
export function hangingTurn(text: string): ScriptedTurn {
  const events = [messageStart(), ...textBlock(0, text), ...end('end_turn', 5)];
  return { kind: 'stream', events, hangAfter: 3 };
}

/** A text answer whose connection is cut after a few events. */
export function cutTurn(text: string): ScriptedTurn {
  const events = [messageStart(), ...textBlock(0, text), ...end('end_turn', 5)];
  return { kind: 'stream', events, cutAfter: 4 };
}

/** A stream that starts, sends some text, then an `error` event (e.g. overloaded midway). */
export function streamErrorTurn(text: string, type = 'overloaded_error', message = 'Overloaded'): ScriptedTurn {
  const block = textBlock(0, text);
  return { kind: 'stream', events: [messageStart(), ...block.slice(0, 3), { event: 'error', data: { type: 'error', error: { type, message } } }] };
}

/** An HTTP error answer in the API's JSON shape. */
export function errorTurn(status: number, type: string, message: string, headers: Record<string, string> = {}): ScriptedTurn {
  return { kind: 'error', status, type, message, headers };
}

/** The fake server. */
export class FakeAnthropic {
  readonly requests: RecordedRequest[] = [];
  /** Models GET /v1/models lists. */
  models: string[] = ['claude-sonnet-4-5', 'claude-haiku-4-5'];
  private turns: ScriptedTurn[] = [];
  /**
   * Answers chosen by what was asked, tried before the queue: the first that returns a turn
   * answers the request (a summary request, say, whenever the client sends one).
   */
  readonly responders: ((body: Record<string, unknown>) => ScriptedTurn | undefined)[] = [];
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  url = '';

  /** Queue answers for the next POST /v1/messages calls, in order. */
  script(...turns: ScriptedTurn[]): this {
    this.turns.push(...turns);
    return this;
  }

  /** Forget the queued answers and the recorded requests (a test starting from a known state). */
  reset(): this {
    this.turns = [];
    this.requests.length = 0;
    this.responders.length = 0;
    return this;
  }

  /** How many scripted answers are still queued. */
  get queued(): number {
    return this.turns.length;
  }

  /** Bodies of the POST /v1/messages requests. */
  messageBodies(): Record<string, unknown>[] {
    return this.requests.filter((r) => r.path.startsWith('/v1/messages')).map((r) => r.body as Record<string, unknown>);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res);
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) {
      s.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const path = (req.url ?? '').split('?')[0];
      this.requests.push({ method: req.method ?? '', path, headers: req.headers, body, raw });
      const requestId = id('req');
      if (req.method === 'GET' && path === '/v1/models') {
        const data = this.models.map((m) => ({ type: 'model', id: m, display_name: m, created_at: '2025-01-01T00:00:00Z' }));
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
        res.end(JSON.stringify({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null }));
        return;
      }
      if (req.method !== 'POST' || path !== '/v1/messages') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `no route ${req.method} ${path}` } }));
        return;
      }
      const asked = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const turn = this.responders.map((r) => r(asked)).find((t) => t !== undefined) ?? this.turns.shift();
      if (!turn) {
        res.writeHead(500, { 'content-type': 'application/json', 'x-should-retry': 'false' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: 'the fake server has no scripted turn left' } }));
        return;
      }
      if (turn.kind === 'error') {
        res.writeHead(turn.status, { 'content-type': 'application/json', 'request-id': requestId, ...(turn.headers ?? {}) });
        res.end(JSON.stringify({ type: 'error', error: { type: turn.type, message: turn.message }, request_id: requestId }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'request-id': requestId });
      const limit = turn.cutAfter ?? turn.hangAfter ?? turn.events.length;
      const text = turn.events
        .slice(0, limit)
        .map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`)
        .join('');
      if (turn.cutAfter !== undefined) {
        // deliver what was sent, then drop the connection without finishing the response
        res.write(text, () => setImmediate(() => res.socket?.destroy()));
        return;
      }
      res.write(text);
      if (turn.hangAfter !== undefined) {
        return; // keep the connection open until the client aborts or close() runs
      }
      res.end();
    });
  }
}

/**
 * A tool call whose connection is dropped in the middle of its streamed input JSON (after
 * `deltas` input_json_delta events), so the client holds a half-built tool_use.
 */
export function cutInsideToolTurn(call: ScriptedCall, deltas = 2): ScriptedTurn {
  const turn = toolTurn([call]);
  if (turn.kind !== 'stream') {
    return turn;
  }
  const first = turn.events.findIndex((e) => (e.data as { delta?: { type?: string } }).delta?.type === 'input_json_delta');
  return { ...turn, cutAfter: first + deltas };
}

/** A tool call followed by a connection drop before message_delta/message_stop (no stop reason). */
export function cutBeforeStopTurn(call: ScriptedCall): ScriptedTurn {
  const turn = toolTurn([call]);
  if (turn.kind !== 'stream') {
    return turn;
  }
  return { ...turn, cutAfter: turn.events.length - 2 };
}

/** The text of a request body's system prompt. */
export function systemText(body: Record<string, unknown>): string {
  const system = body.system;
  return typeof system === 'string' ? system : Array.isArray(system) ? system.map((b: { text?: string }) => b.text ?? '').join('\n') : '';
}
