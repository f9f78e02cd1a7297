/**
 * The typed message protocol between the chat webview (src/webview) and the extension
 * (src/vscode/chat). Both sides switch exhaustively over these unions. The extension posts
 * nothing before the webview says `ready`. The API key never crosses this boundary.
 */

/** A finding summary line the offline /scan lists, with a link target. */
export interface FindingLink {
  /** As shown: workspace-relative (prefixed by the folder's name in a multi-root workspace). */
  file: string;
  /** The file's URI: what the link opens. */
  uri?: string;
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

/** Actions an error or a banner can offer. */
export type ErrorAction = 'setApiKey' | 'openConfig' | 'openSettings' | 'createConfig' | 'manageTrust';

/** What governs the agent in this workspace, as the banners show it. */
export interface ContractState {
  /** Workspace Trust: false = Restricted Mode (the agent may only read, aurora.yaml is ignored). */
  trusted: boolean;
  /** Whether aurora.yaml exists. */
  found: boolean;
  /** One line: what aurora.yaml allows, or why it does not apply. */
  summary: string;
  /** How many problems aurora.yaml has (each is a finding in the editor). */
  problems: number;
}

/** Whether the agent's commands run in the operating system's sandbox, as the header shows it. */
export interface SandboxState {
  enforced: boolean;
  /** One sentence: the mechanism, or why there is none and what to install. */
  text: string;
}

/** What was attached to a user message from the active editor (never the text itself). */
export interface AttachmentChip {
  /** Workspace-relative path, with the selected lines. */
  label: string;
  /** Why nothing (or only the path) was attached. */
  note?: string;
  /** Secrets replaced in the attached text. */
  redacted?: number;
}

/** Tokens of one answer (every request of the run that ended with it) and its estimated cost. */
export interface AnswerUsage {
  input: number;
  output: number;
  /** US dollars at the model's list prices; absent for a model without a known price. */
  cost?: number;
}

/**
 * What an @-mention names: a workspace file (or some of its lines), a workspace folder, the Aurora
 * problems of the workspace, or the output of the last command that ran in a terminal.
 */
export type Mention =
  | { kind: 'file'; path: string; lines?: { start: number; end: number } }
  | { kind: 'folder'; path: string }
  | { kind: 'problems' }
  | { kind: 'terminal' };

/** How a mention shows in the input and the transcript. */
export function mentionLabel(m: Mention): string {
  switch (m.kind) {
    case 'problems':
      return '@problems';
    case 'terminal':
      return '@terminal';
    case 'folder':
      return `@${m.path.replace(/\/+$/, '')}/`;
    case 'file':
      return m.lines ? `@${m.path}:${m.lines.start === m.lines.end ? m.lines.start : `${m.lines.start}-${m.lines.end}`}` : `@${m.path}`;
  }
}

/** One entry of the visible transcript (what is restored after a reload). */
export type TranscriptItem =
  | { kind: 'user'; text: string; attachment?: AttachmentChip; mentions?: AttachmentChip[] }
  | { kind: 'assistant'; text: string; model?: string; usage?: AnswerUsage }
  | { kind: 'notice'; text: string }
  /** The oldest `messages` messages sent to the model were replaced by this summary (the transcript keeps them). */
  | { kind: 'condensed'; messages: number; summary: string }
  /** `retry`: the request failed for a reason that may pass (rate limit, overload, network): offer Retry. */
  | { kind: 'error'; text: string; action?: ErrorAction; retry?: boolean }
  | {
      kind: 'tool';
      id: string;
      name: string;
      summary: string;
      decision: 'allow' | 'ask' | 'deny';
      reasons: string[];
      hosts: string[];
      /** Workspace-relative files the call writes, as the policy read them. */
      paths?: string[];
      /** For commands: how it runs (sandboxed and within what, or not sandboxed). */
      sandbox?: string;
      destructive: boolean;
      /** For commands: the command line and folder. */
      command?: { command: string; cwd: string };
      /** For writes: the workspace-relative path. */
      path?: string;
      /** For writes: the change as a unified diff (cut after its first lines), shown on the card. */
      diff?: string;
      /** The words "Allow … for this session" would allow (offered only for plain local read-only commands). */
      sessionPrefix?: string;
      /** Ran without asking: the user allowed this prefix for the session. */
      allowedBy?: string;
      /** The user edited the command on the card; `command` is what ran (or was denied). */
      edited?: boolean;
      /**
       * pending = waiting for the user; then the outcome. interrupted = the window was reloaded
       * (or the run ended) while it waited or ran: nothing can be answered on it any more.
       */
      state: 'pending' | 'running' | 'approved' | 'rejected' | 'denied' | 'done' | 'failed' | 'interrupted';
      output?: string;
      exitCode?: number | null;
    }
  | { kind: 'findings'; title: string; findings: FindingLink[] };

/** Extension → webview. */
export type ToWebview =
  | { type: 'init'; transcript: TranscriptItem[]; hasKey: boolean; trusted: boolean; model: string }
  | { type: 'state'; hasKey: boolean; model: string; sandbox?: SandboxState; contract?: ContractState }
  | { type: 'append'; item: TranscriptItem }
  | { type: 'textDelta'; text: string }
  | {
      type: 'toolUpdate';
      id: string;
      state: Extract<TranscriptItem, { kind: 'tool' }>['state'];
      output?: string;
      exitCode?: number | null;
      /** An edited command: what the policy decided about the command the user wrote. */
      command?: { command: string; cwd: string };
      edited?: boolean;
      /** The user allowed the command's prefix for the session on this card. */
      allowedBy?: string;
      /** For writes: the change, once the approval is asked. */
      diff?: string;
      reasons?: string[];
      hosts?: string[];
      destructive?: boolean;
    }
  /** Streamed text is complete; `usage` only when the answer ended (not for text before a tool call). */
  | { type: 'answerDone'; model: string; usage?: AnswerUsage }
  /** `queued`: messages sent while busy, sent in order when the answer ends. */
  | { type: 'busy'; busy: boolean; queued?: string[] }
  | { type: 'cleared' }
  /** Answer to a mentionQuery. */
  | { type: 'mentionResults'; id: string; items: { label: string; detail?: string; mention: Mention }[] }
  /** How full the last request was: estimated tokens sent of the model's window. */
  | { type: 'context'; tokens: number; window: number }
  /** Command prefixes the user allowed for this chat session (the header lists them, each revocable). */
  | { type: 'allowed'; prefixes: string[] }
  /** Add a chip to the input (Ask DevOps Agent from the editor or the explorer), with text to start from. */
  | { type: 'attach'; mention: Mention; text?: string }
  /** Put text in the input box; `append` adds it after what is there (queued messages given back). */
  | { type: 'prefill'; text: string; append?: boolean };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'send'; id: string; text: string; attachFile: boolean; mentions?: Mention[] }
  /** The user typed `@query` in the input: what it could name. */
  | { type: 'mentionQuery'; id: string; query: string }
  | { type: 'stop' }
  /** Send the failed request again (the conversation ends with the user's message). */
  | { type: 'retry' }
  /** Drop the last answer (and what its run did in the conversation) and ask the model again. */
  | { type: 'regenerate' }
  | { type: 'newChat' }
  | { type: 'approve'; id: string; approved: boolean; command?: string; message?: string }
  /** Show the diff editor of this write card again. */
  | { type: 'openDiff'; id: string }
  /** Run this card's command and allow its prefix for the session (the extension computes the prefix). */
  | { type: 'allowForSession'; id: string }
  | { type: 'revokeAllowed'; prefix: string }
  /** The model name in the header was clicked: offer the endpoint's models. */
  | { type: 'pickModel' }
  | { type: 'action'; action: ErrorAction }
  | { type: 'copy'; text: string }
  | { type: 'insert'; text: string }
  | { type: 'applyToFile'; text: string }
  | { type: 'openFile'; file: string; line: number; uri?: string };

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
