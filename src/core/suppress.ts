import type { TextIndex } from './text';
import type { Finding } from './types';
import type { AnyRule } from './rule';

const INLINE = /(?:#|\/\/)\s*aurora-ignore\s+([A-Za-z0-9_./,-]+)/;
const FILE_WIDE = /(?:#|\/\/)\s*aurora-ignore-file\s+([A-Za-z0-9_./,-]+)/g;
const HADOLINT = /#\s*hadolint\s+ignore=([A-Z0-9,\s]+)/;

/**
 * Drop findings suppressed by comments:
 * - `# aurora-ignore <rule-id>[,<rule-id>] [reason]` on the line above or at the end of the line;
 * - `# aurora-ignore-file <rule-id>` anywhere, for the whole file;
 * - hadolint's `# hadolint ignore=DL3008,DL3009` on the line above, for rules with that equivalent.
 */
export function filterSuppressed(findings: Finding[], index: TextIndex, rulesById: ReadonlyMap<string, AnyRule>): Finding[] {
  if (findings.length === 0 || !/aurora-ignore|hadolint/.test(index.text)) {
    return findings;
  }
  const fileWide = new Set<string>();
  for (const m of index.text.matchAll(FILE_WIDE)) {
    for (const id of m[1].split(',')) {
      fileWide.add(id.trim());
    }
  }
  return findings.filter((f) => {
    if (fileWide.has(f.ruleId) || fileWide.has('all')) {
      return false;
    }
    const line = f.range.start.line;
    const candidates = [index.lineText(line)];
    // the comment may sit above a multi-line finding's first line, skipping other comments
    for (let l = line - 1; l >= 0 && l >= line - 3; l--) {
      const t = index.lineText(l).trim();
      if (!t.startsWith('#') && !t.startsWith('//')) {
        break;
      }
      candidates.push(t);
    }
    for (const text of candidates) {
      const m = INLINE.exec(text);
      if (m && m[1].split(',').some((id) => id.trim() === f.ruleId || id.trim() === 'all')) {
        return false;
      }
      const h = HADOLINT.exec(text);
      if (h) {
        const ids = h[1].split(',').map((s) => s.trim());
        const rule = rulesById.get(f.ruleId);
        if (rule?.meta.equivalents?.some((e) => e.tool === 'hadolint' && ids.includes(e.id))) {
          return false;
        }
      }
    }
    return true;
  });
}
