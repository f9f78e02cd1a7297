import { formatCost } from './cost';
import { escapeHidden } from './invisible';
import { assertNever } from './protocol';
import type { TranscriptItem } from './protocol';

/**
 * Mark the cards still waiting or running as interrupted (after a reload, or when the run that
 * owned them ended): nothing can answer them any more, so they must not offer Run or Apply.
 * Changes the items in place; returns the ids of the cards it marked.
 */
export function markInterrupted(transcript: TranscriptItem[]): string[] {
  const ids: string[] = [];
  for (const t of transcript) {
    if (t.kind === 'tool' && (t.state === 'pending' || t.state === 'running')) {
      t.state = 'interrupted';
      ids.push(t.id);
    }
  }
  return ids;
}

/** A fence longer than any run of backticks in `text`. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function block(text: string, lang = ''): string {
  const f = fence(text);
  return `${f}${lang}\n${text.replace(/\n$/, '')}\n${f}`;
}

/** Text as a Markdown quote. */
function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/**
 * The chat as Markdown (Export as Markdown): every message, notice and card as the panel showed
 * it; commands and paths with hidden characters escaped, as on the cards.
 */
export function transcriptMarkdown(transcript: readonly TranscriptItem[], exported: string): string {
  const out: string[] = [`# DevOps Agent chat`, '', `_Exported ${exported}._`];
  for (const t of transcript) {
    out.push('');
    switch (t.kind) {
      case 'user':
        out.push('## You', '', t.text);
        if (t.attachment) {
          out.push('', `_Attached: ${[t.attachment.label, t.attachment.note, t.attachment.redacted ? `${t.attachment.redacted} secret(s) redacted` : undefined].filter(Boolean).join('; ')}_`);
        }
        break;
      case 'assistant': {
        out.push('## DevOps Agent', '', t.text);
        const meta = [t.model, t.usage ? `${t.usage.input} in · ${t.usage.output} out tokens` : undefined, t.usage?.cost !== undefined ? `≈ ${formatCost(t.usage.cost)}` : undefined].filter(Boolean).join(' · ');
        if (meta) {
          out.push('', `_${meta}_`);
        }
        break;
      }
      case 'notice':
        out.push(quote(t.text));
        break;
      case 'error':
        out.push(quote(`**Error:** ${t.text}`));
        break;
      case 'condensed':
        out.push(`<details><summary>Earlier conversation condensed (${t.messages} messages)</summary>`, '', t.summary, '', '</details>');
        break;
      case 'tool': {
        const label = t.name === 'run_shell_command' ? 'Command' : t.name === 'write_file' ? 'Write file' : t.name;
        const what = t.command ? '' : ` \`${escapeHidden(t.path ?? t.summary).text}\``;
        out.push(`**${label}${t.edited ? ' (edited by you)' : ''}**${what} — ${t.state}${t.allowedBy ? ` (allowed for this session: \`${t.allowedBy}\`)` : ''}`);
        if (t.command) {
          out.push('', block(escapeHidden(t.command.command).text, 'sh'), '', `in ${t.command.cwd === '.' || t.command.cwd === '' ? 'the workspace folder' : escapeHidden(t.command.cwd).text}`);
        }
        if (t.state === 'denied' && t.reasons.length > 0) {
          out.push('', ...t.reasons.map((r) => `- ${r}`));
        }
        if (t.output) {
          out.push('', block(t.output, 'text'));
        }
        if (t.exitCode !== undefined) {
          out.push('', t.exitCode === null ? 'killed' : `exit code ${t.exitCode}`);
        }
        break;
      }
      case 'findings':
        out.push(`**${t.title}**`, '', ...t.findings.map((f) => `- ${f.file}:${f.line} ${f.severity} ${f.ruleId}: ${f.message}`));
        break;
      default:
        return assertNever(t);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The title of a chat: its first message, on one line. */
export function transcriptTitle(transcript: readonly TranscriptItem[]): string {
  const first = transcript.find((t) => t.kind === 'user');
  const text = first && first.kind === 'user' ? first.text.replace(/\s+/g, ' ').trim() : '';
  return text === '' ? 'Empty chat' : text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
