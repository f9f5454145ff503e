'use strict';
/**
 * The expression language's value model and operators (engine/expressions/SPEC.md §4–§6), standard library only.
 * Generated workflow code calls these helpers; every rule matches the visual builder's interpreter.
 */
const LIMITS = { maxRange: 100000, maxString: 1000000, maxArray: 1000000, maxJsonDepth: 1000 };

class ExpressionError extends Error {
  constructor(code, reason, position) {
    super(`${reason} at ${position}`);
    this.code = code;
    this.position = position;
  }
}

/** A failure below the operators, re-thrown by `call` at the offending argument. */
class ValueError extends Error {
  constructor(code, message, argIndex) {
    super(message);
    this.code = code;
    this.argIndex = argIndex;
  }
}

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const asValue = (v) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' ? null : v);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v) {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'null';
}

function truthy(v) {
  return !(v === false || v === null || v === undefined || v === 0 || v === '');
}

function setOwn(o, k, v) {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function checkString(length) {
  if (length > LIMITS.maxString) throw new ValueError('EXPRESSION_LIMIT', `string result longer than ${LIMITS.maxString} characters`);
}

function checked(n, what) {
  if (!Number.isFinite(n)) throw new ValueError('EXPRESSION_LIMIT', `${what} is out of range (not a finite number)`);
  return n === 0 ? 0 : n;
}

/** ECMAScript Number::toString is SPEC §4.1 already. */
const formatNumber = (n) => String(n);

function toText(v) {
  switch (kindOf(v)) {
    case 'string':
      return v;
    case 'number':
      return formatNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'null':
      return 'null';
    default:
      return toJson(v);
  }
}

/** Canonical JSON (SPEC §4.3): keys sorted by UTF-16 code units, compact, bounded. */
function toJson(value) {
  const parts = [];
  let length = 0;
  const emit = (text) => {
    length += text.length;
    checkString(length);
    parts.push(text);
  };
  const write = (v, depth) => {
    if (depth > LIMITS.maxJsonDepth) throw new ValueError('EXPRESSION_LIMIT', `value nested deeper than ${LIMITS.maxJsonDepth} levels`);
    const kind = kindOf(v);
    if (kind === 'string') emit(JSON.stringify(v));
    else if (kind === 'array') {
      emit('[');
      v.forEach((item, i) => {
        if (i > 0) emit(',');
        write(asValue(item), depth + 1);
      });
      emit(']');
    } else if (kind === 'object') {
      emit('{');
      Object.keys(v)
        .sort()
        .forEach((key, i) => {
          emit((i > 0 ? ',' : '') + JSON.stringify(key) + ':');
          write(asValue(v[key]), depth + 1);
        });
      emit('}');
    } else emit(toText(v));
  };
  write(value, 0);
  return parts.join('');
}

function deepEqual(a, b) {
  a = asValue(a);
  b = asValue(b);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
}

// ---- scope, members, operators ----

function variable(scope, name, position) {
  if (!hasOwn(scope, name)) throw new ExpressionError('EXPRESSION_UNKNOWN_NAME', `unknown variable '${name}'`, position);
  return asValue(scope[name]);
}

function member(object, key) {
  return isObject(object) && hasOwn(object, key) ? asValue(object[key]) : null;
}

function index(object, key) {
  if (Array.isArray(object)) return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < object.length ? asValue(object[key]) : null;
  return typeof key === 'string' ? member(object, key) : null;
}

function objectOf(entries) {
  const result = {};
  for (let i = 0; i < entries.length; i += 2) setOwn(result, entries[i], entries[i + 1]);
  return result;
}

function negate(v, position) {
  if (typeof v !== 'number') throw new ExpressionError('EXPRESSION_TYPE', `cannot negate ${kindOf(v)}`, position);
  return v === 0 ? 0 : -v;
}

function finite(n, operator, position) {
  if (!Number.isFinite(n)) throw new ExpressionError('EXPRESSION_LIMIT', `result of "${operator}" is out of range (not a finite number)`, position);
  return n === 0 ? 0 : n;
}

const VERBS = { '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'take the remainder of' };

function add(a, b, position) {
  if (typeof a === 'number' && typeof b === 'number') return finite(a + b, '+', position);
  if (typeof a === 'string' || typeof b === 'string') {
    try {
      const l = toText(a);
      const r = toText(b);
      checkString(l.length + r.length);
      return l + r;
    } catch (error) {
      if (error instanceof ValueError) throw new ExpressionError(error.code, error.message, position);
      throw error;
    }
  }
  throw new ExpressionError('EXPRESSION_TYPE', `cannot add ${kindOf(a)} and ${kindOf(b)}`, position);
}

function arithmetic(operator, a, b, position) {
  if (typeof a !== 'number' || typeof b !== 'number') throw new ExpressionError('EXPRESSION_TYPE', `cannot ${VERBS[operator]} ${kindOf(a)} and ${kindOf(b)}`, position);
  if (operator === '-') return finite(a - b, operator, position);
  if (operator === '*') return finite(a * b, operator, position);
  if (b === 0) throw new ExpressionError('EXPRESSION_TYPE', operator === '/' ? 'division by zero' : 'remainder by zero', position);
  return finite(operator === '/' ? a / b : a % b, operator, position);
}

function compare(operator, a, b, position) {
  const kind = typeof a;
  if ((kind !== 'number' && kind !== 'string') || typeof b !== kind) throw new ExpressionError('EXPRESSION_TYPE', `cannot compare ${kindOf(a)} and ${kindOf(b)}`, position);
  if (operator === '<') return a < b;
  if (operator === '<=') return a <= b;
  if (operator === '>') return a > b;
  return a >= b;
}

module.exports = {
  LIMITS, ExpressionError, ValueError, hasOwn, asValue, isObject, kindOf, truthy, setOwn, checkString, checked, formatNumber, toText, toJson, deepEqual,
  variable, member, index, objectOf, negate, add, arithmetic, compare,
  and: (a, right) => (truthy(a) ? right() : a),
  or: (a, right) => (truthy(a) ? a : right()),
  nullish: (a, right) => (a === null || a === undefined ? right() : a),
};
