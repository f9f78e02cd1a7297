/**
 * The shell scripts of a pipeline where they are written: `before_script`, `script` and
 * `after_script` of the pipeline, `default:` and every job (templates included), each item with
 * what the shell model says it does and a map back into the file. A template shared by many jobs
 * is one script here, so a problem in it is reported once, where it can be fixed.
 */
import type { Scalar } from 'yaml';
import { isScalar, str } from '../../parsers/yaml';
import type { YamlFile } from '../../parsers/yaml';
import { shellEffects } from '../../shell';
import type { ScriptEffects } from '../../shell';
import type { Range } from '../../types';
import { mapScalar } from '../github-actions/workflow';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq } from './model';
import type { Pipeline } from './model';

/** One script item. */
export interface ScriptItem {
  /** Who writes it, for messages: `Job 'build'`, `default:`, `The pipeline`. */
  owner: string;
  /** The job's name, when a job (or template) holds it. */
  job?: string;
  text: string;
  effects: ScriptEffects;
  /** The file range of offsets [start, end) of the item's text. */
  range(start: number, end: number): Range;
}

/** Every script item of a pipeline, in file order per holder. */
export function scriptItemsOf(file: YamlFile, pipeline: Pipeline): ScriptItem[] {
  const holders: { owner: string; job?: string; node: unknown }[] = [
    { owner: 'The pipeline', node: pipeline.root },
    { owner: 'default:', node: mergedEntry(pipeline.root, 'default', pipeline.doc)?.value },
    ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, job: j.name, node: j.node })),
  ];
  const out: ScriptItem[] = [];
  for (const { owner, job, node } of holders) {
    for (const key of ['before_script', 'script', 'after_script']) {
      const value = mergedEntry(node, key, pipeline.doc)?.value;
      for (const item of isScalar(value) ? [value] : flatSeq(value, pipeline.doc)) {
        const text = str(item);
        if (!text || !isScalar(item)) {
          continue;
        }
        const mapped = mapScalar(file, item as Scalar);
        out.push({ owner, job, text, effects: shellEffects(text), range: (s, e) => mapped.range(s, e) });
      }
    }
  }
  return out;
}
