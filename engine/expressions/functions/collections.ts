/** Array and object functions. Results are new values; arguments are never mutated. */
import { EXPRESSION_LIMITS } from '../errors';
import { asValue, deepEqual, getIndex, isPlainObject, kindOf, setOwn, sortedKeys, toJsonText, ValueError, type JsonObject } from '../values';
import { argumentTypeError, arrayArg, fn, integerArg, objectArg, stringArg, stringArrayArg, type ExpressionFunction } from './arguments';

export const collectionFunctions: ExpressionFunction[] = [
  fn('len', [1, 1], 'len(x: string | array | object): number', 'UTF-16 length of a string, element count of an array, key count of an object.', len),
  fn(
    'contains',
    [2, 2],
    'contains(x: string | array, needle): boolean',
    'Substring test for strings (needle must be a string); deep-equality membership for arrays.',
    (a) => indexOf(a) >= 0,
  ),
  fn(
    'indexOf',
    [2, 2],
    'indexOf(x: string | array, needle): number',
    'First UTF-16 offset of a substring, or first index of a deep-equal element; -1 if absent.',
    indexOf,
  ),
  fn(
    'slice',
    [2, 3],
    'slice(x: string | array, start: integer, end?: integer): string | array',
    'Like JavaScript slice: negative offsets count from the end, out-of-range offsets are clamped.',
    slice,
  ),
  fn('first', [1, 1], 'first(items: array): any', 'First element, or null when empty.', (a) => getIndex(arrayArg(a, 0), 0)),
  fn('last', [1, 1], 'last(items: array): any', 'Last element, or null when empty.', (a) => {
    const items = arrayArg(a, 0);
    return getIndex(items, items.length - 1);
  }),
  fn('reverse', [1, 1], 'reverse(items: array): array', 'Elements in reverse order.', (a) => arrayArg(a, 0).slice().reverse()),
  fn('flatten', [1, 1], 'flatten(items: array): array', 'Flattens one level: array elements are spliced in, others kept.', (a) => concatArrays(arrayArg(a, 0))),
  fn('concat', [1, null], 'concat(a: array, b: array, ...): array', 'Concatenation of all argument arrays.', (a) => {
    a.forEach((_, i) => arrayArg(a, i));
    return concatArrays(a);
  }),
  fn('unique', [1, 1], 'unique(items: array): array', 'Keeps the first of each group of deep-equal elements, in order.', unique),
  fn(
    'sort',
    [1, 1],
    'sort(items: array<number> | array<string>): array',
    'Ascending; numbers numerically, strings by UTF-16 code units; stable; mixed types are an error.',
    sort,
  ),
  fn(
    'range',
    [1, 2],
    'range(end: integer) | range(start: integer, end: integer): array<number>',
    `Integers start (default 0) up to end exclusive; at most ${EXPRESSION_LIMITS.maxRange} elements.`,
    range,
  ),
  fn('keys', [1, 1], 'keys(o: object): array<string>', 'Own keys sorted by UTF-16 code units.', (a) => sortedKeys(objectArg(a, 0))),
  fn('values', [1, 1], 'values(o: object): array', 'Values in the order of keys(o).', (a) => {
    const object = objectArg(a, 0);
    return sortedKeys(object).map((key) => asValue(object[key]));
  }),
  fn(
    'has',
    [2, 2],
    'has(x: any, key: string | number): boolean',
    'True if x is an object with own key `key`, or an array with valid index `key`; otherwise false (never an error).',
    (a) => (Array.isArray(a[0]) ? isValidIndex(a[0], a[1]) : isPlainObject(a[0]) && typeof a[1] === 'string' && Object.hasOwn(a[0], a[1])),
  ),
  fn('merge', [1, null], 'merge(a: object | null, b: object | null, ...): object', 'Shallow merge, later arguments win; null arguments are skipped.', merge),
  fn('pick', [2, 2], 'pick(o: object, keys: array<string>): object', 'Only the listed keys that o has.', (a) => {
    const object = objectArg(a, 0);
    const wanted = stringArrayArg(a, 1);
    const result: JsonObject = {};
    for (const key of wanted) if (Object.hasOwn(object, key)) setOwn(result, key, asValue(object[key]));
    return result;
  }),
  fn('omit', [2, 2], 'omit(o: object, keys: array<string>): object', 'All keys of o except the listed ones.', (a) => {
    const object = objectArg(a, 0);
    const unwanted = new Set(stringArrayArg(a, 1));
    const result: JsonObject = {};
    for (const key of Object.keys(object)) if (!unwanted.has(key)) setOwn(result, key, asValue(object[key]));
    return result;
  }),
];

function len(args: unknown[]): number {
  const value = args[0];
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw argumentTypeError(args, 0, 'a string, array or object');
}

function indexOf(args: unknown[]): number {
  const haystack = args[0];
  if (typeof haystack === 'string') return haystack.indexOf(stringArg(args, 1));
  if (Array.isArray(haystack)) return haystack.findIndex((element) => deepEqual(element, args[1]));
  throw argumentTypeError(args, 0, 'a string or an array');
}

function slice(args: unknown[]): unknown {
  const subject = args[0];
  if (typeof subject !== 'string' && !Array.isArray(subject)) throw argumentTypeError(args, 0, 'a string or an array');
  const start = integerArg(args, 1);
  const end = args.length > 2 ? integerArg(args, 2) : subject.length;
  return subject.slice(start, end);
}

function isValidIndex(items: unknown[], index: unknown): boolean {
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < items.length;
}

function checkArrayLength(length: number): void {
  if (length > EXPRESSION_LIMITS.maxArrayLength) {
    throw new ValueError('EXPRESSION_LIMIT', `array result longer than ${EXPRESSION_LIMITS.maxArrayLength} elements`);
  }
}

/** Shared by flatten and concat; the size is checked before anything is allocated. */
function concatArrays(parts: readonly unknown[]): unknown[] {
  let total = 0;
  for (const part of parts) total += Array.isArray(part) ? part.length : 1;
  checkArrayLength(total);
  const result: unknown[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) for (const element of part) result.push(asValue(element));
    else result.push(part);
  }
  return result;
}

function unique(args: unknown[]): unknown[] {
  const seen = new Set<string>();
  const result: unknown[] = [];
  for (const element of arrayArg(args, 0)) {
    // Canonical JSON text is a deep-equality key: O(n) instead of pairwise comparison.
    const key = toJsonText(asValue(element));
    if (!seen.has(key)) {
      seen.add(key);
      result.push(asValue(element));
    }
  }
  return result;
}

function sort(args: unknown[]): unknown[] {
  const items = arrayArg(args, 0);
  if (items.length === 0) return [];
  const kind = kindOf(items[0]);
  if ((kind !== 'number' && kind !== 'string') || items.some((element) => kindOf(element) !== kind)) {
    throw argumentTypeError(args, 0, 'an array of numbers or an array of strings');
  }
  const copy = items.slice();
  if (kind === 'number') return (copy as number[]).sort((x, y) => x - y);
  return (copy as string[]).sort();
}

function range(args: unknown[]): number[] {
  const start = args.length > 1 ? integerArg(args, 0) : 0;
  const end = integerArg(args, args.length > 1 ? 1 : 0);
  const count = Math.max(0, end - start);
  if (count > EXPRESSION_LIMITS.maxRange) throw new ValueError('EXPRESSION_LIMIT', `range of ${count} elements exceeds ${EXPRESSION_LIMITS.maxRange}`);
  const result = new Array<number>(count);
  for (let i = 0; i < count; i++) result[i] = start + i;
  return result;
}

function merge(args: unknown[]): JsonObject {
  const result: JsonObject = {};
  args.forEach((argument, index) => {
    if (argument === null) return;
    if (!isPlainObject(argument)) throw argumentTypeError(args, index, 'an object or null');
    const object = argument;
    for (const key of Object.keys(object)) setOwn(result, key, asValue(object[key]));
  });
  return result;
}
