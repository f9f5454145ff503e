/**
 * The shape of a built-in function and the argument readers that produce uniform type errors
 * ("argument 2 must be a string, got number"); the evaluator adds the function name and the argument's position.
 */
import { kindOf, ValueError, type JsonObject } from '../values';

export interface ExpressionFunction {
  readonly name: string;
  readonly minArgs: number;
  /** null = variadic. */
  readonly maxArgs: number | null;
  /** Human/LLM-readable signature, e.g. `slice(x: string | array, start: integer, end?: integer): string | array`. */
  readonly signature: string;
  readonly description: string;
  readonly call: (args: unknown[]) => unknown;
}

export function argumentTypeError(args: readonly unknown[], index: number, expected: string): ValueError {
  return new ValueError('EXPRESSION_TYPE', `argument ${index + 1} must be ${expected}, got ${kindOf(args[index])}`, index);
}

export function stringArg(args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw argumentTypeError(args, index, 'a string');
  return value;
}

export function numberArg(args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number') throw argumentTypeError(args, index, 'a number');
  return value;
}

export function integerArg(args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw argumentTypeError(args, index, 'an integer');
  return value;
}

export function arrayArg(args: readonly unknown[], index: number): unknown[] {
  const value = args[index];
  if (!Array.isArray(value)) throw argumentTypeError(args, index, 'an array');
  return value;
}

export function objectArg(args: readonly unknown[], index: number): JsonObject {
  const value = args[index];
  if (kindOf(value) !== 'object') throw argumentTypeError(args, index, 'an object');
  return value as JsonObject;
}

export function stringArrayArg(args: readonly unknown[], index: number): string[] {
  const array = arrayArg(args, index);
  for (const element of array) if (typeof element !== 'string') throw argumentTypeError(args, index, 'an array of strings');
  return array as string[];
}

export function numberArrayArg(args: readonly unknown[], index: number): number[] {
  const array = arrayArg(args, index);
  for (const element of array) if (typeof element !== 'number') throw argumentTypeError(args, index, 'an array of numbers');
  return array as number[];
}

/** Builds the table entry; keeps each module's list of definitions compact. */
export function fn(
  name: string,
  arity: [min: number, max: number | null],
  signature: string,
  description: string,
  call: (args: unknown[]) => unknown,
): ExpressionFunction {
  return { name, minArgs: arity[0], maxArgs: arity[1], signature, description, call };
}
