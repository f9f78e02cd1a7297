import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { firstEvent } from './events';
import { expressionsOf } from './expression-scan';
import { workflowsOf } from './workflow';

/** The message for a bot check on the actor. */
export function message(bot: string, event: string): string {
  return `'github.actor' is whoever caused the latest '${event}' event, not who wrote the code: a contributor can get '${bot}' to be the actor on a pull request they control. Compare the pull request's author instead (github.event.pull_request.user.login)`;
}

/** Events where the actor and the author of the code can differ. */
const EVENTS = ['pull_request_target', 'pull_request', 'workflow_run', 'issue_comment', 'pull_request_review', 'pull_request_review_comment'];

const ACTOR = String.raw`github\.(?:triggering_)?actor`;
const BOT = String.raw`'([^']*\[bot\])'`;
const COMPARISON = new RegExp(String.raw`${ACTOR}\s*==\s*${BOT}|${BOT}\s*==\s*${ACTOR}|contains\(\s*${ACTOR}\s*,\s*'([^']*bot[^']*)'\s*\)|startsWith\(\s*${ACTOR}\s*,\s*'([^']*(?:bot|renovate)[^']*)'\s*\)`, 'gi');

/** Conditions that trust a bot by the actor's name can be spoofed. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/spoofable-bot-condition',
  meta: {
    title: 'Bot identified by github.actor',
    description: "`github.actor == 'dependabot[bot]'` checks who caused the latest event, not who authored the pull request. On pull request triggers a contributor can arrange for the bot to be the actor and pass a check meant to auto-merge or grant secrets to the bot.",
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'bot-conditions' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const event = firstEvent(wf, EVENTS);
      if (!event) {
        continue;
      }
      for (const e of expressionsOf(ctx.model, wf)) {
        for (const m of e.text.matchAll(COMPARISON)) {
          const bot = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
          const start = e.start + (m.index ?? 0);
          ctx.report({ range: e.value.range(start, start + m[0].length), message: message(bot, event) });
        }
      }
    }
  },
};
