/**
 * Evaluating a node's expressions. The scope convention (README § Expression scope) is built here and nowhere
 * else: `inputs` (input values by port), `config`, `value` (= `inputs.value`), plus per-call extras such as
 * `item`/`index`/`acc` for the array components. Errors name the node and the config field holding the expression.
 */
import { compileExpression, ExpressionError } from '../expressions';
import type { RunContext } from './types';
import { ComponentError } from './errors';
import { describeValueKind } from './port-types';

export function expressionScope(ctx: RunContext<any>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { inputs: ctx.inputs, config: ctx.config, value: ctx.inputs.value, ...extra };
}

/** A compiled expression bound to one node, evaluated once per call with extra scope entries. */
export interface NodeExpression {
  evaluate(extra?: Record<string, unknown>): unknown;
  /** Like evaluate, but the result must be a boolean (conditions, filters, switch cases). */
  test(extra?: Record<string, unknown>, what?: string): boolean;
}

/** Compiles `source` once; `field` is the config field it came from, for messages (`expression`, `cases/1/expression`). */
export function nodeExpression(ctx: RunContext<any>, source: string, field = 'expression'): NodeExpression {
  const fail = (error: unknown): never => {
    if (error instanceof ExpressionError) {
      throw new ComponentError('EXPRESSION_ERROR', `config.${field} ${JSON.stringify(source)}: ${error.message}`, ctx.node.id);
    }
    throw error;
  };
  let compiled: ReturnType<typeof compileExpression>;
  try {
    compiled = compileExpression(source);
  } catch (error) {
    return fail(error);
  }
  const evaluate = (extra?: Record<string, unknown>): unknown => {
    try {
      return compiled.evaluate(expressionScope(ctx, extra) as never);
    } catch (error) {
      return fail(error);
    }
  };
  return {
    evaluate,
    test(extra, what = '') {
      const result = evaluate(extra);
      if (typeof result !== 'boolean') {
        throw new ComponentError(
          'EXPRESSION_ERROR',
          `config.${field} ${JSON.stringify(source)} must produce a boolean${what}, got ${describeValueKind(result)}`,
          ctx.node.id,
        );
      }
      return result;
    },
  };
}
