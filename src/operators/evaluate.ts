/** evaluate plugin(...): the plugin comes from the registry in ./plugins/; an unknown one is a KqlSemanticError naming it. */
import type { EvaluateOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { OperatorDef } from './operator-def.js';
import { lookupPlugin } from './plugins/index.js';

export const evaluate: OperatorDef<EvaluateOp> = {
  op: 'evaluate',
  description: 'Runs a plugin (see the list of plugins below).',
  bind(node, input, tools) {
    const plugin = lookupPlugin(node.plugin.name);
    if (!plugin) {
      throw new KqlSemanticError(ErrorCodes.SEM_UNSUPPORTED, `The '${node.plugin.name}' plugin of evaluate is not supported by mini-kql`, node.plugin.nameSpan);
    }
    return plugin.bind(node, input, tools);
  },
};
