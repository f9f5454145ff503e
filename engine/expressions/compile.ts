/**
 * Parse once, evaluate many times. Workflow nodes and watches evaluate the same handful of sources over and over,
 * so parsed ASTs are kept in a small LRU keyed by source text.
 */
import type { ExpressionNode } from './ast';
import { evaluateExpression, type ExpressionScope } from './evaluator';
import { parseExpression } from './parser';

export interface CompiledExpression {
  readonly source: string;
  /** Deep-frozen: shared by every caller of the same source. */
  readonly ast: ExpressionNode;
  evaluate(scope: ExpressionScope): unknown;
}

export const COMPILE_CACHE_SIZE = 1_000;
const cache = new Map<string, CompiledExpression>();
/** The most recently used entry is already last in the Map: a repeat lookup can skip the LRU shuffle. */
let mostRecent: CompiledExpression | undefined;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Parses (or reuses) `source`; throws `ExpressionError` for invalid source — errors are not cached. */
export function compileExpression(source: string): CompiledExpression {
  if (mostRecent !== undefined && mostRecent.source === source) return mostRecent;
  const hit = cache.get(source);
  if (hit !== undefined) {
    // Re-insert to mark as most recently used (Map iterates in insertion order).
    cache.delete(source);
    cache.set(source, hit);
    mostRecent = hit;
    return hit;
  }
  const ast = deepFreeze(parseExpression(source));
  const compiled: CompiledExpression = Object.freeze({
    source,
    ast,
    evaluate: (scope: ExpressionScope) => evaluateExpression(ast, scope),
  });
  if (cache.size >= COMPILE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  mostRecent = compiled;
  return compiled;
}

/** Current number of cached sources (for tests and diagnostics). */
export function compiledExpressionCacheSize(): number {
  return cache.size;
}
