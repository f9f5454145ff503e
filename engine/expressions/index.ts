/**
 * The expression language (docs/ARCHITECTURE.md §6; spec in ./SPEC.md). Used by `condition`, `transform`, `switch`,
 * `filter`/`map`/`reduce`, debugger breakpoint conditions and watches, and compiled by the code generators.
 *
 * API contract (other modules rely on it):
 * - `parseExpression(source)` → AST, or throws `ExpressionError` with a 0-based `position`;
 * - `evaluateExpression(ast, scope)` walks the AST (never eval/Function/vm); throws `ExpressionError` on type errors;
 * - `compileExpression(source)` parses once (cached) and returns `{ source, ast, evaluate(scope) }`.
 * Also: `walk`/`childrenOf`/`freeVariables` (static analysis), the function table `EXPRESSION_FUNCTIONS`, and the
 * value helpers (`isTruthy`, `toText`, `toJsonText`, `formatNumber`, `deepEqual`, `kindOf`) that components reuse so
 * they format and compare exactly as expressions do.
 */
export * from './ast';
export * from './errors';
export * from './parser';
export * from './evaluator';
export * from './compile';
export * from './walk';
export { EXPRESSION_FUNCTIONS, getExpressionFunction, roundHalfAwayFromZero, type ExpressionFunction } from './functions';
export { isTruthy, toText, toJsonText, formatNumber, deepEqual, kindOf, type ValueKind } from './values';
