/** Every pipe operator mini-kql supports, by its name in the AST. Adding one is one file plus one entry here. */
import type { TabularOperator } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { where } from './where.js';
import { extend } from './extend.js';
import { project } from './project.js';
import { projectAway, projectKeep, projectReorder } from './project-away.js';
import { projectRename } from './project-rename.js';
import { summarize } from './summarize.js';
import { join } from './join.js';
import { mvApply } from './mv-apply.js';
import { mvExpand } from './mv-expand.js';
import { distinct } from './distinct.js';
import { take } from './take.js';
import { sort } from './sort.js';
import { top } from './top.js';
import { count } from './count.js';
import { union } from './union.js';
import { parse, parseWhere } from './parse.js';
import { lookup } from './lookup.js';
import { serialize } from './serialize.js';
import { evaluate } from './evaluate.js';
import { makeSeries } from './make-series.js';
import { getschema } from './getschema.js';
import { as } from './as.js';
import { render } from './render.js';
import { sample, sampleDistinct } from './sample.js';
import { topHitters } from './top-hitters.js';
import { projectByNames } from './project-by-names.js';
import { consume } from './consume.js';
import { invoke } from './invoke.js';
import { topNested } from './top-nested.js';
import { parseKv } from './parse-kv.js';
import { partition } from './partition.js';
import { scan } from './scan.js';
import { fork, facet } from './fork-facet.js';
import { reduce } from './reduce.js';
import { search } from './search.js';
import { find } from './find.js';

const OPERATORS = [
  where, extend, project, projectAway, projectKeep, projectReorder, projectRename, summarize, join,
  mvApply, mvExpand, distinct, take, sort, top, count, union,
  parse, parseWhere, lookup, serialize, evaluate, makeSeries, getschema, as,
  render, sample, sampleDistinct, topHitters, projectByNames, consume, invoke,
  topNested, parseKv, partition, scan, fork, facet, reduce, search, find,
] as OperatorDef[];

const BY_NAME = new Map<string, OperatorDef>(OPERATORS.map((o) => [o.op, o]));

export function lookupOperator(op: TabularOperator['op']): OperatorDef | undefined {
  return BY_NAME.get(op);
}

export function listOperators(): OperatorDef[] {
  return [...OPERATORS];
}
