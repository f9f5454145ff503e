/**
 * The fixed function table (SPEC.md §Functions). Expressions can call nothing else; the parser checks names and
 * arity against this table, so the code generators can rely on both.
 */
import type { ExpressionFunction } from './arguments';
import { collectionFunctions } from './collections';
import { conversionFunctions } from './conversion';
import { numericFunctions } from './numeric';
import { textFunctions } from './text';

export type { ExpressionFunction } from './arguments';
export { roundHalfAwayFromZero } from './numeric';
export { NUMBER_TEXT } from './conversion';

/** Null-prototype record: a lookup of "constructor" or "__proto__" finds nothing. */
const table: Record<string, ExpressionFunction> = Object.create(null);
for (const definition of [...textFunctions, ...collectionFunctions, ...numericFunctions, ...conversionFunctions]) {
  if (table[definition.name]) throw new Error(`duplicate expression function ${definition.name}`);
  table[definition.name] = Object.freeze(definition);
}

export const EXPRESSION_FUNCTIONS: Readonly<Record<string, ExpressionFunction>> = Object.freeze(table);

export function getExpressionFunction(name: string): ExpressionFunction | undefined {
  return table[name];
}

export function acceptsArgumentCount(definition: ExpressionFunction, count: number): boolean {
  return count >= definition.minArgs && (definition.maxArgs === null || count <= definition.maxArgs);
}
