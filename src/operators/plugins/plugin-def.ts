/** The contract of an `evaluate` plugin: bind its call against the input schema into a runnable BoundOperator. */
import type { EvaluateOp } from '../../parser/ast.js';
import type { ColumnSchema } from '../../runtime/types.js';
import type { BoundOperator } from '../../binder/compiled.js';
import type { BindTools } from '../operator-def.js';

export interface PluginDef {
  /** The name after `evaluate` (exact, case-sensitive). */
  name: string;
  /** One line for the generated reference. */
  description: string;
  /** `node.plugin.args` are the call's arguments; `node.outputSchema` an optional `: (Name:type, ...)`. */
  bind(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator;
}
