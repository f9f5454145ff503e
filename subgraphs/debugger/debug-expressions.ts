/**
 * Breakpoint conditions, watches and `evaluate` — all in the engine's expression language (parsed and walked, never
 * eval). The scope at a position: `inputs` (the current node's), `vars` (finished nodes' outputs by node id, as
 * visible from the current frame), `runInputs` (the run's inputs) and `iteration` (the innermost map index or null).
 */
import { compileExpression, ExpressionError, isTruthy, type CompiledExpression } from '../../engine/expressions';
import type { Frame } from '../../engine/runtime/types';
import { badInput } from '../../platform/errors';
import type { Journal } from './journal';
import type { BreakpointRecord, DebugSessionRecord, WatchRecord } from './session-store';

/** Watch values are persisted and streamed: a huge one is reported, not stored. */
const MAX_SHOWN_VALUE_BYTES = 64 * 1024;

export type Evaluation = { ok: true; value: unknown } | { ok: false; error: string; code: string; position?: number };

export function debugScope(session: DebugSessionRecord, journal: Journal, frames: readonly Frame[], inputs: Record<string, unknown>): Record<string, unknown> {
  return { inputs, vars: journal.vars(frames), runInputs: session.inputs, iteration: frames.length ? frames[frames.length - 1].index : null };
}

/** The scope at the session's current position (before the paused node, or the top frame when not paused). */
export function positionScope(session: DebugSessionRecord, journal: Journal): Record<string, unknown> {
  return debugScope(session, journal, session.position?.frames ?? [], session.position?.inputs ?? {});
}

/** Compiles or throws BAD_USER_INPUT naming what was wrong and where. */
export function compileForDebugger(source: string, what: string): CompiledExpression {
  if (typeof source !== 'string' || !source.trim()) throw badInput(`${what} must be a non-empty expression`, { field: what });
  try {
    return compileExpression(source);
  } catch (error) {
    const info = describe(error);
    throw badInput(`${what} ${JSON.stringify(source.slice(0, 200))} is not a valid expression: ${info.error}`, {
      field: what,
      expressionCode: info.code,
      position: info.position,
    });
  }
}

export function evaluateSafely(source: string, scope: Record<string, unknown>): Evaluation {
  try {
    const value = compileExpression(source).evaluate(scope);
    const bytes = JSON.stringify(value ?? null).length;
    if (bytes > MAX_SHOWN_VALUE_BYTES)
      return { ok: false, code: 'VALUE_TOO_LARGE', error: `the value is ${bytes} bytes of JSON, over the ${MAX_SHOWN_VALUE_BYTES} bytes a debugger shows` };
    return { ok: true, value: value ?? null };
  } catch (error) {
    return { ok: false, ...describe(error) };
  }
}

export function evaluateWatches(watches: readonly WatchRecord[], scope: Record<string, unknown>): WatchRecord[] {
  return watches.map((watch) => {
    const result = evaluateSafely(watch.expression, scope);
    return result.ok ? { ...watch, value: result.value, error: null } : { ...watch, value: null, error: result.error };
  });
}

/**
 * Whether an enabled breakpoint stops here. A condition that fails to evaluate stops too (with `lastError` set):
 * silently running past a broken condition would hide the bug the user is hunting.
 */
export function breakpointStops(breakpoint: BreakpointRecord, scope: Record<string, unknown>): boolean {
  if (!breakpoint.enabled) return false;
  if (!breakpoint.condition) return true;
  const result = evaluateSafely(breakpoint.condition, scope);
  breakpoint.lastError = result.ok ? null : result.error;
  return result.ok ? isTruthy(result.value) : true;
}

function describe(error: unknown): { error: string; code: string; position?: number } {
  if (error instanceof ExpressionError) return { error: error.message, code: error.code, position: error.position };
  return { error: `evaluation failed: ${error instanceof Error ? error.message : String(error)}`, code: 'EXPRESSION_ERROR' };
}
