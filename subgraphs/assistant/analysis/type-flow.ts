/**
 * The type a value really has on an output port. Many ports are declared `any` (an `input`, a `condition` passing
 * its input on, a `transform`); following the wires and reading expressions statically tells more, so the rules can
 * tell a checked value from an unchecked one. `any` means "not known before run time".
 */
import { parseExpression, type ExpressionNode } from '../../../engine/expressions';
import type { Connection, NodeInstance } from '../../../engine/model/types';

/** What type inference reads from a graph. GraphContext provides it; declared here so the two do not import each other. */
export interface TypedGraph {
  readonly nodes: ReadonlyMap<string, NodeInstance>;
  declaredOutputType(node: NodeInstance, port: string): string | undefined;
  wiresInto(nodeId: string, port: string): readonly Connection[];
  /** The inferred type of an output port (memoised by the provider; calls back into effectiveType). */
  outputType(nodeId: string, port: string): string;
}

/** Result types of the expression functions (SPEC.md §7), where they do not depend on the arguments. */
const FUNCTION_RESULTS: Record<string, string> = {
  ...Object.fromEntries(['lower', 'upper', 'trim', 'replace', 'join', 'string', 'toJson', 'typeOf'].map((f) => [f, 'string'])),
  ...Object.fromEntries(['len', 'indexOf', 'abs', 'floor', 'ceil', 'round', 'min', 'max', 'sum', 'avg', 'number'].map((f) => [f, 'number'])),
  ...Object.fromEntries(['contains', 'startsWith', 'endsWith', 'has', 'isNull', 'boolean'].map((f) => [f, 'boolean'])),
  ...Object.fromEntries(['split', 'reverse', 'flatten', 'concat', 'unique', 'sort', 'range', 'keys', 'values'].map((f) => [f, 'array'])),
  ...Object.fromEntries(['merge', 'pick', 'omit'].map((f) => [f, 'object'])),
};

const PASS_THROUGH = new Set(['core/condition', 'core/switch', 'core/delay']);

export function effectiveType(ctx: TypedGraph, nodeId: string, port: string): string {
  const node = ctx.nodes.get(nodeId);
  if (!node) return 'any';
  const declared = ctx.declaredOutputType(node, port) ?? 'any';
  if (declared !== 'any') return declared;
  const config = node.config ?? {};
  switch (node.componentId) {
    case 'core/input':
      return typeof config.type === 'string' ? config.type : 'any';
    case 'core/constant':
      return literalType(config.value);
    case 'core/transform':
      return expressionType(config.expression, () => inputType(ctx, nodeId, 'value'));
    case 'core/merge': {
      const types = new Set(ctx.wiresInto(nodeId, 'values').map((c) => ctx.outputType(c.sourceId, c.sourcePort)));
      return types.size === 1 ? [...types][0] : 'any';
    }
  }
  if (node.componentId === 'core/condition' && port === 'true') {
    const guarded = guardedType(config.expression);
    if (guarded) return guarded;
  }
  return PASS_THROUGH.has(node.componentId) ? inputType(ctx, nodeId, 'value') : 'any';
}

function inputType(ctx: TypedGraph, nodeId: string, port: string): string {
  const wire = ctx.wiresInto(nodeId, port)[0];
  return wire ? ctx.outputType(wire.sourceId, wire.sourcePort) : 'any';
}

export function literalType(value: unknown): string {
  if (value === null || value === undefined) return 'any';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function parse(source: unknown): ExpressionNode | undefined {
  if (typeof source !== 'string') return undefined;
  try {
    return parseExpression(source);
  } catch {
    return undefined;
  }
}

/** `typeOf(value) == "string"` (either side) guards the `true` port to that type. */
export function guardedType(source: unknown): string | undefined {
  const ast = parse(source);
  if (!ast || ast.type !== 'Binary' || ast.operator !== '==') return undefined;
  const [call, literal] = ast.left.type === 'Call' ? [ast.left, ast.right] : [ast.right, ast.left];
  if (call.type !== 'Call' || call.callee !== 'typeOf' || literal.type !== 'Literal' || typeof literal.value !== 'string') return undefined;
  const arg = call.args[0];
  if (arg?.type !== 'Identifier' || arg.name !== 'value') return undefined;
  return literal.value === 'null' ? undefined : literal.value;
}

export function expressionType(source: unknown, valueType: () => string): string {
  const ast = parse(source);
  return ast ? typeOfNode(ast, valueType) : 'any';
}

function typeOfNode(node: ExpressionNode, valueType: () => string): string {
  switch (node.type) {
    case 'Literal':
      return literalType(node.value);
    case 'Object':
      return 'object';
    case 'Array':
      return 'array';
    case 'Identifier':
      return node.name === 'value' ? valueType() : 'any';
    case 'Unary':
      return node.operator === '!' ? 'boolean' : 'number';
    case 'Call':
      // `slice` keeps the kind (string or array, element type included) of what it slices.
      if (node.callee === 'slice' && node.args[0]) return typeOfNode(node.args[0], valueType);
      return FUNCTION_RESULTS[node.callee] ?? 'any';
    case 'Conditional': {
      const a = typeOfNode(node.consequent, valueType);
      return a === typeOfNode(node.alternate, valueType) ? a : 'any';
    }
    case 'Binary': {
      if (['<', '<=', '>', '>=', '==', '!='].includes(node.operator)) return 'boolean';
      if (node.operator !== '+') return 'number';
      const left = typeOfNode(node.left, valueType);
      const right = typeOfNode(node.right, valueType);
      if (left === 'string' || right === 'string') return 'string';
      return left === 'number' && right === 'number' ? 'number' : 'any';
    }
    default:
      return 'any';
  }
}
