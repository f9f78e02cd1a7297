import type { FolderRule, Report, Rule, RuleMeta } from '../../../rule';
import type { HclAttribute, HclBlock, TerraformModel } from '../../../parsers/terraform';
import type { AnalyzeEnv, Range } from '../../../types';
import { attrRange } from './report';
import { moduleOf, TfModule } from './values';
import { KeptOn } from '../../../memo';

/** What a Terraform check sees, whether it runs on one file or on a module folder. */
export interface TfContext {
  /** The module: one file for file rules, every .tf file of the folder for folder rules. */
  mod: TfModule;
  /** Report a finding in the file that holds `anchor` (a block or attribute of the module). */
  report(anchor: HclBlock | HclAttribute, report: Report): void;
  /** Where an attribute finding goes: from its name to the end of its first line. */
  at(attr: HclAttribute): Range;
  /** Host answers about the analysed file's neighbours (empty for folder rules). */
  env: AnalyzeEnv;
  /** Path of the analysed file (file rules) or the folder (folder rules). */
  path: string;
}

/** A Terraform rule definition, independent of how it is run. */
export interface TfRuleDef {
  id: string;
  meta: RuleMeta;
  check(ctx: TfContext): void;
}

// every folder rule of one analysis gets the same files array: build the module view once
const folderModules = new KeptOn<object, TfModule>();

/**
 * A rule over a whole module folder: locals, variable defaults, data sources and companion
 * resources are resolved across every .tf file of the folder. Every entry point runs them over
 * the files of the folder it was handed (`analyze`'s `folder`, or what `analyzeFiles` got); a
 * file handed over alone is a module of one file.
 */
export function terraformRule(def: TfRuleDef): FolderRule<TerraformModel> {
  return {
    id: def.id,
    meta: def.meta,
    checkFolder(ctx) {
      let mod = folderModules.get(ctx.files);
      if (!mod) {
        mod = new TfModule(ctx.files.map((f) => f.model));
        folderModules.set(ctx.files, mod);
      }
      const module = mod;
      const pathOf = new Map(ctx.files.map((f) => [f.model, f.path]));
      const seen = new Set<string>();
      def.check({
        mod: module,
        env: {},
        path: ctx.folder,
        at: (attr) => attrRange(module.modelOf(attr).index, attr),
        report: (anchor, r) => {
          const path = pathOf.get(module.modelOf(anchor));
          const key = `${path ?? ''}:${r.range.start.line}:${r.range.start.character}:${r.message}`;
          if (path !== undefined && !seen.has(key)) {
            seen.add(key);
            ctx.report(path, r);
          }
        },
      });
    },
  };
}

/**
 * A rule over one file, for checks whose quick fix must work in single-file analysis (`fix`,
 * code actions) or that ask the host about neighbouring files. References are resolved within
 * the file only; what lives in other files is unknown, and unknown values are never reported.
 */
export function terraformFileRule(def: TfRuleDef): Rule<TerraformModel> {
  return {
    id: def.id,
    meta: def.meta,
    check(ctx) {
      const mod = moduleOf(ctx.model);
      const seen = new Set<string>();
      def.check({
        mod,
        env: ctx.env,
        path: ctx.path,
        at: (attr) => attrRange(ctx.index, attr),
        report: (_anchor, r) => {
          const key = `${r.range.start.line}:${r.range.start.character}:${r.message}`;
          if (!seen.has(key)) {
            seen.add(key);
            ctx.report(r);
          }
        },
      });
    },
  };
}
