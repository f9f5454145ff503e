/**
 * Evaluation by a direct recursive walk of the AST (never eval/Function/vm). Recursion depth is bounded by the
 * parser's nesting limit; values are JSON and member reads see own properties only.
 */
import type { BinaryNode, CallNode, ExpressionNode, LogicalNode, ObjectNode, UnaryNode } from './ast';
import { EXPRESSION_LIMITS, ExpressionError } from './errors';
import { getExpressionFunction } from './functions';
import * as values from './values';
import { checkStringLength, kindOf, setOwn, toText, ValueError, type JsonObject } from './values';

// Hot-path helpers bound once: transpilers (tsx/esbuild, swc) compile each use of an import into a live-binding
// getter call, which profiled as the single largest cost of evaluating `inputs.n > config.limit`.
const { asValue, deepEqual, getIndex, getProperty, isTruthy } = values;

export type ExpressionScope = Readonly<Record<string, unknown>>;

/**
 * Evaluates a parsed expression against a scope of variables. Throws only `ExpressionError`: host-level failures
 * (stack or string-length exhaustion on hostile data) are reported as EXPRESSION_LIMIT.
 */
export function evaluateExpression(ast: ExpressionNode, scope: ExpressionScope): unknown {
  try {
    return evaluate(ast, scope ?? {});
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    if (error instanceof ValueError) throw new ExpressionError(error.code, error.message, ast.start);
    if (error instanceof RangeError) {
      throw new ExpressionError('EXPRESSION_LIMIT', 'value too large or too deeply nested to evaluate', ast.start);
    }
    throw error;
  }
}

function evaluate(node: ExpressionNode, scope: ExpressionScope): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'Identifier':
      if (!Object.hasOwn(scope, node.name)) throw new ExpressionError('EXPRESSION_UNKNOWN_NAME', `unknown variable '${node.name}'`, node.start);
      return asValue(scope[node.name]);
    case 'Member':
      return getProperty(evaluate(node.object, scope), node.property);
    case 'Index': {
      const object = evaluate(node.object, scope);
      return getIndex(object, evaluate(node.index, scope));
    }
    case 'Unary':
      return unary(node, evaluate(node.argument, scope));
    case 'Binary': {
      const left = evaluate(node.left, scope);
      return binary(node, left, evaluate(node.right, scope));
    }
    case 'Logical':
      return logical(node, scope);
    case 'Conditional':
      return isTruthy(evaluate(node.test, scope)) ? evaluate(node.consequent, scope) : evaluate(node.alternate, scope);
    case 'Array': {
      const elements = node.elements;
      const result = new Array<unknown>(elements.length);
      for (let i = 0; i < elements.length; i++) result[i] = evaluate(elements[i], scope);
      return result;
    }
    case 'Object':
      return objectLiteral(node, scope);
    case 'Call':
      return call(node, scope);
  }
}

function logical(node: LogicalNode, scope: ExpressionScope): unknown {
  const left = evaluate(node.left, scope);
  switch (node.operator) {
    case '&&':
      return isTruthy(left) ? evaluate(node.right, scope) : left;
    case '||':
      return isTruthy(left) ? left : evaluate(node.right, scope);
    case '??':
      return left === null || left === undefined ? evaluate(node.right, scope) : left;
  }
}

function objectLiteral(node: ObjectNode, scope: ExpressionScope): JsonObject {
  const result: JsonObject = {};
  for (const property of node.properties) setOwn(result, property.key, evaluate(property.value, scope));
  return result;
}

function unary(node: UnaryNode, value: unknown): unknown {
  if (node.operator === '!') return !isTruthy(value);
  if (typeof value !== 'number') throw new ExpressionError('EXPRESSION_TYPE', `cannot negate ${kindOf(value)}`, node.start);
  return value === 0 ? 0 : -value;
}

/** No NaN, no ±Infinity, no -0 ever leaves an operator. */
function finite(value: number, node: BinaryNode): number {
  if (value - value !== 0)
    throw new ExpressionError('EXPRESSION_LIMIT', `result of "${node.operator}" is out of range (not a finite number)`, node.operatorStart);
  return value === 0 ? 0 : value;
}

const OPERATOR_VERBS: Readonly<Record<string, string>> = { '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'take the remainder of' };

function binary(node: BinaryNode, left: unknown, right: unknown): unknown {
  const operator = node.operator;
  if (operator === '==') return deepEqual(left, right);
  if (operator === '!=') return !deepEqual(left, right);
  if (operator === '+') {
    if (typeof left === 'number' && typeof right === 'number') return finite(left + right, node);
    if (typeof left === 'string' || typeof right === 'string') return concatenate(node, left, right);
    throw new ExpressionError('EXPRESSION_TYPE', `cannot add ${kindOf(left)} and ${kindOf(right)}`, node.operatorStart);
  }
  if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') return compare(node, left, right);
  if (typeof left !== 'number' || typeof right !== 'number') {
    throw new ExpressionError('EXPRESSION_TYPE', `cannot ${OPERATOR_VERBS[operator]} ${kindOf(left)} and ${kindOf(right)}`, node.operatorStart);
  }
  switch (operator) {
    case '-':
      return finite(left - right, node);
    case '*':
      return finite(left * right, node);
    case '/':
      if (right === 0) throw new ExpressionError('EXPRESSION_TYPE', 'division by zero', node.operatorStart);
      return finite(left / right, node);
    case '%':
      if (right === 0) throw new ExpressionError('EXPRESSION_TYPE', 'remainder by zero', node.operatorStart);
      return finite(left % right, node);
  }
}

function concatenate(node: BinaryNode, left: unknown, right: unknown): string {
  try {
    const leftText = toText(left);
    const rightText = toText(right);
    checkStringLength(leftText.length + rightText.length);
    return leftText + rightText;
  } catch (error) {
    if (error instanceof ValueError) throw new ExpressionError(error.code, error.message, node.operatorStart);
    throw error;
  }
}

function compare(node: BinaryNode, left: unknown, right: unknown): boolean {
  const kind = typeof left;
  if ((kind !== 'number' && kind !== 'string') || typeof right !== kind) {
    throw new ExpressionError('EXPRESSION_TYPE', `cannot compare ${kindOf(left)} and ${kindOf(right)}`, node.operatorStart);
  }
  const l = left as number | string;
  const r = right as number | string;
  switch (node.operator) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    default:
      return l >= r;
  }
}

function call(node: CallNode, scope: ExpressionScope): unknown {
  const definition = getExpressionFunction(node.callee);
  // The parser already rejected unknown names; this guards hand-built ASTs.
  if (!definition) throw new ExpressionError('EXPRESSION_UNKNOWN_NAME', `unknown function '${node.callee}'`, node.start);
  const argNodes = node.args;
  const args = new Array<unknown>(argNodes.length);
  for (let i = 0; i < argNodes.length; i++) args[i] = evaluate(argNodes[i], scope);
  let result: unknown;
  try {
    result = definition.call(args);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    const position = error.argIndex !== undefined && error.argIndex < argNodes.length ? argNodes[error.argIndex].start : node.start;
    throw new ExpressionError(error.code, `${node.callee}(): ${error.message}`, position);
  }
  if (
    typeof result === 'string' ? result.length > EXPRESSION_LIMITS.maxStringLength : Array.isArray(result) && result.length > EXPRESSION_LIMITS.maxArrayLength
  ) {
    throw new ExpressionError('EXPRESSION_LIMIT', `${node.callee}(): result larger than the limit`, node.start);
  }
  return result;
}
