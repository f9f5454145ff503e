/** Shared test helpers: run an expression and capture either its value or its ExpressionError. */
import { compileExpression, ExpressionError, parseExpression } from '../../../engine/expressions';

export function run(source: string, scope: Record<string, unknown> = {}): unknown {
  return compileExpression(source).evaluate(scope);
}

export function failure(action: () => unknown): { code: string; position: number; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof ExpressionError) return { code: error.code, position: error.position, message: error.message };
    throw error;
  }
  throw new Error('expected an ExpressionError, got a value');
}

export const runFailure = (source: string, scope: Record<string, unknown> = {}) => failure(() => run(source, scope));
export const parseFailure = (source: string) => failure(() => parseExpression(source));
