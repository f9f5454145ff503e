/**
 * The value model shared by the evaluator and the function table (SPEC.md §Values): JSON values only, own
 * properties only, spec number formatting, canonical JSON text (keys sorted by UTF-16 code units) — every rule here
 * is one the code generators reproduce in Python, TypeScript, JavaScript, Go and Java.
 */
import { EXPRESSION_LIMITS, type ExpressionErrorCode } from './errors';

export type ValueKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
export type JsonObject = { [key: string]: unknown };

/**
 * A failure detected below the evaluator, which does not know source positions; the evaluator re-throws it as an
 * `ExpressionError` at the offending node (or argument `argIndex` of a call).
 */
export class ValueError extends Error {
  constructor(
    readonly code: ExpressionErrorCode,
    message: string,
    readonly argIndex?: number,
  ) {
    super(message);
  }
}

/** Host values outside the JSON model (undefined, functions, symbols, bigints) read as null. */
export function asValue(value: unknown): unknown {
  const t = typeof value;
  if (t === 'object' || t === 'string' || t === 'number' || t === 'boolean') return value;
  return null;
}

export function kindOf(value: unknown): ValueKind {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'array' : 'object';
    default:
      return 'null';
  }
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Falsy: false, null, 0, "". Everything else — including [] and {} — is truthy. */
export function isTruthy(value: unknown): boolean {
  return !(value === false || value === null || value === undefined || value === 0 || value === '');
}

/** Own-property read; never reaches prototypes (`constructor`, `__proto__`, …). */
export function getProperty(object: unknown, key: string): unknown {
  if (isPlainObject(object) && Object.hasOwn(object, key)) return asValue(object[key]);
  return null;
}

export function getIndex(object: unknown, index: unknown): unknown {
  if (Array.isArray(object)) {
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < object.length) return asValue(object[index]);
    return null;
  }
  if (typeof index === 'string') return getProperty(object, index);
  return null;
}

/** Plain assignment would invoke the `__proto__` setter; define it as an own data property instead. */
export function setOwn(object: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Keys in UTF-16 code-unit order — the order `keys`, `values` and JSON text use in every target language. */
export function sortedKeys(object: JsonObject): string[] {
  return Object.keys(object).sort();
}

/** The language has no negative zero and no NaN/Infinity. */
export function checkedNumber(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new ValueError('EXPRESSION_LIMIT', `${what} is out of range (not a finite number)`);
  return value === 0 ? 0 : value;
}

/** ECMAScript Number::toString(10): shortest round-trip digits, integers without ".0", exponent at ≥1e21 / <1e-6. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new ValueError('EXPRESSION_TYPE', 'cannot format a non-finite number');
  return String(value);
}

export function checkStringLength(length: number): void {
  if (length > EXPRESSION_LIMITS.maxStringLength) {
    throw new ValueError('EXPRESSION_LIMIT', `string result longer than ${EXPRESSION_LIMITS.maxStringLength} characters`);
  }
}

/** String conversion used by `+`, `string()` and `join`: strings as-is, scalars formatted, containers as JSON text. */
export function toText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return formatNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : toJsonText(value);
    default:
      return 'null';
  }
}

/**
 * Canonical compact JSON: no whitespace, object keys sorted, numbers in spec formatting, strings escaped as
 * ECMAScript JSON.stringify does. Bounded in length and depth while it is built, not after.
 */
export function toJsonText(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string): void => {
    length += text.length;
    checkStringLength(length);
    parts.push(text);
  };
  const write = (v: unknown, depth: number): void => {
    if (depth > EXPRESSION_LIMITS.maxJsonDepth) {
      throw new ValueError('EXPRESSION_LIMIT', `value nested deeper than ${EXPRESSION_LIMITS.maxJsonDepth} levels`);
    }
    const kind = kindOf(v);
    if (kind === 'string') emit(JSON.stringify(v));
    else if (kind === 'array') {
      const array = v as unknown[];
      emit('[');
      for (let i = 0; i < array.length; i++) {
        if (i > 0) emit(',');
        write(asValue(array[i]), depth + 1);
      }
      emit(']');
    } else if (kind === 'object') {
      const object = v as JsonObject;
      emit('{');
      let first = true;
      for (const key of sortedKeys(object)) {
        emit(first ? JSON.stringify(key) + ':' : ',' + JSON.stringify(key) + ':');
        first = false;
        write(asValue(object[key]), depth + 1);
      }
      emit('}');
    } else emit(toText(v));
  };
  write(value, 0);
  return parts.join('');
}

/** Structural equality on JSON values, no coercion; object key order is irrelevant. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return asValue(a) === asValue(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !deepEqual((a as JsonObject)[key], (b as JsonObject)[key])) return false;
  }
  return true;
}
