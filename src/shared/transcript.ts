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
