/** .create-or-alter function (and .create / .alter function), .drop function. */
import { ErrorCodes, KqlError, KqlSemanticError } from '../../../errors/index.js';
import { parseFunctionDefinitions } from '../../../rules/function-definitions.js';
import type { ServeFunction } from '../../catalog.js';
import { badCommand, NAME, unquoteName, withProperty, type MgmtCommand, type MgmtContext } from '../context.js';
import { functionsResult, result, table } from '../results.js';

const COMMAND_FILE = 'command.csf';

function createFunction(ctx: MgmtContext, text: string) {
  let defs;
  try {
    defs = parseFunctionDefinitions(text, COMMAND_FILE);
  } catch (err) {
    if (err instanceof KqlError) throw badCommand(err.message.replace(`${COMMAND_FILE}: `, '').replace(/ \(line \d+, column \d+\)$/, ''));
    throw err;
  }
  if (defs.length !== 1) throw badCommand('Expected one function: .create-or-alter function Name(params) { body }');
  const def = defs[0];
  const kind = /^\.(create-or-alter|create|alter)/i.exec(text)![1].toLowerCase();
  const exists = ctx.db.functions.has(def.name);
  const ifNotExists = /^\.create\s+function\s+ifnotexists\b/i.test(text);
  if (kind === 'create' && exists && !ifNotExists) throw new KqlSemanticError(ErrorCodes.SEM_TABLE_EXISTS, `Function '${def.name}' already exists: use .create-or-alter function`);
  if (kind === 'alter' && !exists) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_FUNCTION, `Function '${def.name}' does not exist in database '${ctx.db.name}': use .create-or-alter function`);
  if (!(kind === 'create' && exists)) {
    const props = /^[^(]*\bwith\s*\(([^)]*)\)/i.exec(text)?.[1] ?? '';
    const fn: ServeFunction = { parameters: def.parameters ?? '', body: def.body };
    if (def.category !== undefined) fn.folder = def.category;
    const docString = withProperty(props, 'docstring');
    if (docString !== undefined) fn.docString = docString;
    ctx.commit({ op: 'putFunction', db: ctx.db.name, name: def.name, fn });
  }
  return functionsResult([[def.name, ctx.db.functions.get(def.name)!]]);
}

export const createOrAlterFunctionCommand: MgmtCommand = {
  syntax: '.create-or-alter function [with (folder=..., docstring=...)] Name(params) { body }',
  head: /^\.(?:create-or-alter|create|alter)\s+function\s/i,
  run: createFunction,
};

const DROP = new RegExp(String.raw`^\.drop\s+function\s+(${NAME})(\s+ifexists)?\s*$`, 'i');

export const dropFunctionCommand: MgmtCommand = {
  syntax: '.drop function Name [ifexists]',
  head: /^\.drop\s+function\s/i,
  run: (ctx, text) => {
    const m = DROP.exec(text);
    if (!m) throw badCommand('Expected .drop function Name [ifexists]');
    const name = unquoteName(m[1]);
    const exists = ctx.db.functions.has(name);
    if (exists) ctx.commit({ op: 'dropFunction', db: ctx.db.name, name });
    else if (!m[2]) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_FUNCTION, `Function '${name}' does not exist in database '${ctx.db.name}'`);
    return result(table('Table_0', [['Name', 'string']], exists ? [[name]] : []));
  },
};
