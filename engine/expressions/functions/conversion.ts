/** Type inspection and conversion functions. */
import { EXPRESSION_LIMITS } from '../errors';
import { checkedNumber, isTruthy, kindOf, toJsonText, toText, ValueError } from '../values';
import { argumentTypeError, fn, stringArg, type ExpressionFunction } from './arguments';

/** The only strings number() accepts (after trim): what the other targets' float parsers also accept once pre-checked. */
export const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const conversionFunctions: ExpressionFunction[] = [
  fn(
    'number',
    [1, 1],
    'number(x: number | string | boolean): number',
    'Numbers as-is; true → 1, false → 0; strings matching the decimal grammar (after trim) are parsed; anything else is an error.',
    toNumber,
  ),
  fn(
    'string',
    [1, 1],
    'string(x: any): string',
    'String conversion: strings as-is, numbers in spec formatting, true/false/null as words, arrays/objects as canonical JSON.',
    (a) => toText(a[0]),
  ),
  fn('boolean', [1, 1], 'boolean(x: any): boolean', 'Truthiness: false for false, null, 0 and ""; true otherwise (including [] and {}).', (a) =>
    isTruthy(a[0]),
  ),
  fn('typeOf', [1, 1], 'typeOf(x: any): string', 'One of "null", "boolean", "number", "string", "array", "object".', (a) => kindOf(a[0])),
  fn('isNull', [1, 1], 'isNull(x: any): boolean', 'True only for null (missing members read as null).', (a) => a[0] === null),
  fn('default', [2, 2], 'default(x: any, fallback: any): any', 'x unless it is null, then fallback (same as x ?? fallback).', (a) =>
    a[0] === null ? a[1] : a[0],
  ),
  fn('toJson', [1, 1], 'toJson(x: any): string', 'Canonical compact JSON text (keys sorted, no whitespace).', (a) => toJsonText(a[0])),
  fn(
    'parseJson',
    [1, 1],
    'parseJson(s: string): any',
    `Parses JSON text (RFC 8259); invalid text, non-finite numbers or nesting deeper than ${EXPRESSION_LIMITS.maxJsonDepth} are errors.`,
    (a) => parseJson(stringArg(a, 0)),
  ),
];

function preview(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function toNumber(args: unknown[]): number {
  const value = args[0];
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') throw argumentTypeError(args, 0, 'a number, string or boolean');
  const text = value.trim();
  if (!NUMBER_TEXT.test(text)) throw new ValueError('EXPRESSION_TYPE', `cannot convert ${preview(value)} to number`, 0);
  return checkedNumber(Number(text), `number(${preview(value)})`);
}

/** Nesting is measured on the text first: JSON.parse itself would happily build a value too deep to walk. */
function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

function parseJson(text: string): unknown {
  if (jsonNestingDepth(text) > EXPRESSION_LIMITS.maxJsonDepth) {
    throw new ValueError('EXPRESSION_LIMIT', `JSON nested deeper than ${EXPRESSION_LIMITS.maxJsonDepth} levels`, 0);
  }
  try {
    return JSON.parse(text, (_key, value: unknown) => (typeof value === 'number' ? checkedNumber(value, 'JSON number') : value));
  } catch (error) {
    if (error instanceof ValueError) throw error;
    throw new ValueError('EXPRESSION_TYPE', `invalid JSON: ${(error as Error).message}`, 0);
  }
}
