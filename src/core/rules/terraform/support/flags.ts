import type { HclAttribute } from '../../../parsers/terraform';
import type { BlockInstance, TfModule } from './values';
import { bool } from './values';
import type { HclBlock } from '../../../parsers/terraform';

/** How a boolean setting that should be `want` is written. */
export type FlagState = { state: 'ok' } | { state: 'missing' } | { state: 'wrong'; attr: HclAttribute };

/**
 * Whether `name` is set to `want`. An unknown value (variable without default, computed) counts
 * as ok: rules stay silent on what they cannot know.
 */
export function flag(mod: TfModule, target: HclBlock | BlockInstance, name: string, want: boolean): FlagState {
  const a = mod.attr(target, name);
  if (!a) {
    return { state: 'missing' };
  }
  const v = bool(a.value);
  if (v === undefined || v === want) {
    return { state: 'ok' };
  }
  return { state: 'wrong', attr: a.attr };
}
