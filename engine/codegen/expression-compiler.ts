/**
 * Compiles expression ASTs (engine/expressions) to target-language code through a small per-language syntax table.
 * Everything is fully parenthesised and routed through the runtime's operator helpers (SPEC.md §11); short-circuit
 * operators get their right operand as a thunk. With `fold`, sub-trees without variables are evaluated now, by the
 * engine's own evaluator, and emitted as literals (a sub-tree that fails is left for run time, to fail there).
 */
import { evaluateExpression, parseExpression, type ExpressionNode } from '../expressions';
import { CodegenError } from './types';

export interface ExpressionSyntax {
  literal(value: unknown): string;
  variable(name: string, position: number): string;
  member(object: string, key: string): string;
  index(object: string, index: string): string;
  negate(value: string, position: number): string;
  not(value: string): string;
  add(left: string, right: string, position: number): string;
  arithmetic(operator: string, left: string, right: string, position: number): string;
  compare(operator: string, left: string, right: string, position: number): string;
  equal(left: string, right: string, negated: boolean): string;
  logical(operator: '&&' | '||' | '??', left: string, right: string): string;
  conditional(test: string, consequent: string, alternate: string): string;
  array(items: string[]): string;
  object(entries: [string, string][]): string;
  call(name: string, args: string[], position: number, argPositions: number[]): string;
  /** A function of the scope `s` returning `body`. */
  lambda(body: string): string;
}

export function compileExpressionSource(source: string, syntax: ExpressionSyntax, fold: boolean, nodeId: string, field: string): string {
  let ast: ExpressionNode;
  try {
    ast = parseExpression(source);
  } catch (error) {
    throw new CodegenError(`config.${field} ${JSON.stringify(source)}: ${(error as Error).message}`, nodeId);
  }
  return syntax.lambda(compileNode(ast, syntax, fold));
}

function hasVariables(node: ExpressionNode): boolean {
  switch (node.type) {
    case 'Identifier':
      return true;
    case 'Literal':
      return false;
    case 'Member':
      return hasVariables(node.object);
    case 'Index':
      return hasVariables(node.object) || hasVariables(node.index);
    case 'Unary':
      return hasVariables(node.argument);
    case 'Binary':
    case 'Logical':
      return hasVariables(node.left) || hasVariables(node.right);
    case 'Conditional':
      return hasVariables(node.test) || hasVariables(node.consequent) || hasVariables(node.alternate);
    case 'Array':
      return node.elements.some(hasVariables);
    case 'Object':
      return node.properties.some((p) => hasVariables(p.value));
    case 'Call':
      return node.args.some(hasVariables);
  }
}

function compileNode(node: ExpressionNode, s: ExpressionSyntax, fold: boolean): string {
  if (fold && node.type !== 'Literal' && !hasVariables(node)) {
    try {
      return s.literal(evaluateExpression(node, {}));
    } catch {
      // fails at run time, with the run-time message
    }
  }
  const c = (child: ExpressionNode) => compileNode(child, s, fold);
  switch (node.type) {
    case 'Literal':
      return s.literal(node.value);
    case 'Identifier':
      return s.variable(node.name, node.start);
    case 'Member':
      return s.member(c(node.object), node.property);
    case 'Index':
      return s.index(c(node.object), c(node.index));
    case 'Unary':
      return node.operator === '!' ? s.not(c(node.argument)) : s.negate(c(node.argument), node.start);
    case 'Binary': {
      const [left, right, at] = [c(node.left), c(node.right), node.operatorStart];
      if (node.operator === '+') return s.add(left, right, at);
      if (node.operator === '==' || node.operator === '!=') return s.equal(left, right, node.operator === '!=');
      if (['<', '<=', '>', '>='].includes(node.operator)) return s.compare(node.operator, left, right, at);
      return s.arithmetic(node.operator, left, right, at);
    }
    case 'Logical':
      return s.logical(node.operator, c(node.left), c(node.right));
    case 'Conditional':
      return s.conditional(c(node.test), c(node.consequent), c(node.alternate));
    case 'Array':
      return s.array(node.elements.map(c));
    case 'Object':
      return s.object(node.properties.map((p) => [p.key, c(p.value)]));
    case 'Call':
      return s.call(
        node.callee,
        node.args.map(c),
        node.start,
        node.args.map((a) => a.start),
      );
  }
}
