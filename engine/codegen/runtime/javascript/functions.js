'use strict';
/** The expression language's function table (SPEC.md §7). Arity was checked when the workflow was generated. */
const V = require('./values');

const { ValueError, kindOf, asValue, isObject, hasOwn, setOwn, checked, LIMITS } = V;

const typeError = (args, i, expected) => new ValueError('EXPRESSION_TYPE', `argument ${i + 1} must be ${expected}, got ${kindOf(args[i])}`, i);
const str = (a, i) => (typeof a[i] === 'string' ? a[i] : fail(typeError(a, i, 'a string')));
const num = (a, i) => (typeof a[i] === 'number' ? a[i] : fail(typeError(a, i, 'a number')));
const int = (a, i) => (typeof a[i] === 'number' && Number.isInteger(a[i]) ? a[i] : fail(typeError(a, i, 'an integer')));
const arr = (a, i) => (Array.isArray(a[i]) ? a[i] : fail(typeError(a, i, 'an array')));
const obj = (a, i) => (kindOf(a[i]) === 'object' ? a[i] : fail(typeError(a, i, 'an object')));
const strs = (a, i) => (arr(a, i).every((e) => typeof e === 'string') ? a[i] : fail(typeError(a, i, 'an array of strings')));
const nums = (a, i) => (arr(a, i).every((e) => typeof e === 'number') ? a[i] : fail(typeError(a, i, 'an array of numbers')));
function fail(error) {
  throw error;
}

function checkArray(length) {
  if (length > LIMITS.maxArray) throw new ValueError('EXPRESSION_LIMIT', `array result longer than ${LIMITS.maxArray} elements`);
}

function concatArrays(parts) {
  let total = 0;
  for (const p of parts) total += Array.isArray(p) ? p.length : 1;
  checkArray(total);
  const result = [];
  for (const p of parts) {
    if (Array.isArray(p)) for (const e of p) result.push(asValue(e));
    else result.push(p);
  }
  return result;
}

function indexOf(a) {
  if (typeof a[0] === 'string') return a[0].indexOf(str(a, 1));
  if (Array.isArray(a[0])) return a[0].findIndex((e) => V.deepEqual(e, a[1]));
  throw typeError(a, 0, 'a string or an array');
}

function extreme(a, better) {
  const items = a.length === 1 && Array.isArray(a[0]) ? nums(a, 0) : a.map((_, i) => num(a, i));
  if (items.length === 0) throw typeError(a, 0, 'a non-empty array of numbers');
  return items.reduce((best, x) => (better(x, best) ? x : best), items[0]);
}

const total = (items) => items.reduce((s, x) => s + x, 0);

function roundHalfAway(x) {
  const m = Math.abs(x);
  const w = Math.floor(m);
  const r = m - w >= 0.5 ? w + 1 : w;
  return x < 0 ? -r : r;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const preview = (t) => JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);

function jsonDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const FUNCTIONS = {
  lower: (a) => str(a, 0).toLowerCase(),
  upper: (a) => str(a, 0).toUpperCase(),
  trim: (a) => str(a, 0).trim(),
  startsWith: (a) => str(a, 0).startsWith(str(a, 1)),
  endsWith: (a) => str(a, 0).endsWith(str(a, 1)),
  replace: (a) => {
    const [s, find, repl] = [str(a, 0), str(a, 1), str(a, 2)];
    if (find === '') return s;
    const pieces = s.split(find);
    V.checkString(s.length + (pieces.length - 1) * (repl.length - find.length));
    return pieces.join(repl);
  },
  split: (a) => str(a, 0).split(str(a, 1)),
  join: (a) => {
    const items = arr(a, 0);
    const sep = a.length > 1 ? str(a, 1) : ',';
    let length = 0;
    const texts = items.map((item, i) => {
      const t = V.toText(item);
      length += t.length + (i > 0 ? sep.length : 0);
      V.checkString(length);
      return t;
    });
    return texts.join(sep);
  },
  len: (a) => {
    if (typeof a[0] === 'string' || Array.isArray(a[0])) return a[0].length;
    if (isObject(a[0])) return Object.keys(a[0]).length;
    throw typeError(a, 0, 'a string, array or object');
  },
  contains: (a) => indexOf(a) >= 0,
  indexOf,
  slice: (a) => {
    if (typeof a[0] !== 'string' && !Array.isArray(a[0])) throw typeError(a, 0, 'a string or an array');
    return a[0].slice(int(a, 1), a.length > 2 ? int(a, 2) : a[0].length);
  },
  first: (a) => V.index(arr(a, 0), 0),
  last: (a) => V.index(arr(a, 0), a[0].length - 1),
  reverse: (a) => arr(a, 0).slice().reverse(),
  flatten: (a) => concatArrays(arr(a, 0)),
  concat: (a) => concatArrays(a.map((_, i) => arr(a, i))),
  unique: (a) => {
    const seen = new Set();
    return arr(a, 0).filter((e) => {
      const key = V.toJson(asValue(e));
      return seen.has(key) ? false : (seen.add(key), true);
    });
  },
  sort: (a) => {
    const items = arr(a, 0);
    if (items.length === 0) return [];
    const kind = kindOf(items[0]);
    if ((kind !== 'number' && kind !== 'string') || items.some((e) => kindOf(e) !== kind)) throw typeError(a, 0, 'an array of numbers or an array of strings');
    return kind === 'number' ? items.slice().sort((x, y) => x - y) : items.slice().sort();
  },
  range: (a) => {
    const start = a.length > 1 ? int(a, 0) : 0;
    const end = int(a, a.length > 1 ? 1 : 0);
    const count = Math.max(0, end - start);
    if (count > LIMITS.maxRange) throw new ValueError('EXPRESSION_LIMIT', `range of ${count} elements exceeds ${LIMITS.maxRange}`);
    return Array.from({ length: count }, (_, i) => start + i);
  },
  keys: (a) => Object.keys(obj(a, 0)).sort(),
  values: (a) => Object.keys(obj(a, 0)).sort().map((k) => asValue(a[0][k])),
  has: (a) =>
    Array.isArray(a[0])
      ? typeof a[1] === 'number' && Number.isInteger(a[1]) && a[1] >= 0 && a[1] < a[0].length
      : isObject(a[0]) && typeof a[1] === 'string' && hasOwn(a[0], a[1]),
  merge: (a) => {
    const result = {};
    a.forEach((o, i) => {
      if (o === null) return;
      if (!isObject(o)) throw typeError(a, i, 'an object or null');
      for (const k of Object.keys(o)) setOwn(result, k, asValue(o[k]));
    });
    return result;
  },
  pick: (a) => {
    const [o, wanted] = [obj(a, 0), strs(a, 1)];
    const result = {};
    for (const k of wanted) if (hasOwn(o, k)) setOwn(result, k, asValue(o[k]));
    return result;
  },
  omit: (a) => {
    const [o, unwanted] = [obj(a, 0), new Set(strs(a, 1))];
    const result = {};
    for (const k of Object.keys(o)) if (!unwanted.has(k)) setOwn(result, k, asValue(o[k]));
    return result;
  },
  abs: (a) => Math.abs(num(a, 0)),
  floor: (a) => checked(Math.floor(num(a, 0)), 'floor'),
  ceil: (a) => checked(Math.ceil(num(a, 0)), 'ceil'),
  round: (a) => checked(roundHalfAway(num(a, 0)), 'round'),
  min: (a) => extreme(a, (x, y) => x < y),
  max: (a) => extreme(a, (x, y) => x > y),
  sum: (a) => checked(total(nums(a, 0)), 'sum'),
  avg: (a) => {
    const items = nums(a, 0);
    if (items.length === 0) throw typeError(a, 0, 'a non-empty array of numbers');
    return checked(total(items) / items.length, 'avg');
  },
  number: (a) => {
    const v = a[0];
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v !== 'string') throw typeError(a, 0, 'a number, string or boolean');
    const text = v.trim();
    if (!NUMBER_TEXT.test(text)) throw new ValueError('EXPRESSION_TYPE', `cannot convert ${preview(v)} to number`, 0);
    return checked(Number(text), `number(${preview(v)})`);
  },
  string: (a) => V.toText(a[0]),
  boolean: (a) => V.truthy(a[0]),
  typeOf: (a) => kindOf(a[0]),
  isNull: (a) => a[0] === null,
  default: (a) => (a[0] === null ? a[1] : a[0]),
  toJson: (a) => V.toJson(a[0]),
  parseJson: (a) => {
    const text = str(a, 0);
    if (jsonDepth(text) > LIMITS.maxJsonDepth) throw new ValueError('EXPRESSION_LIMIT', `JSON nested deeper than ${LIMITS.maxJsonDepth} levels`, 0);
    try {
      return JSON.parse(text, (_k, v) => (typeof v === 'number' ? checked(v, 'JSON number') : v));
    } catch (error) {
      if (error instanceof ValueError) throw error;
      throw new ValueError('EXPRESSION_TYPE', `invalid JSON: ${error.message}`, 0);
    }
  },
};

/** Calls function `name` on evaluated `args`; errors point at the argument (`argPositions`) or the call. */
function call(name, args, position, argPositions) {
  let result;
  try {
    result = FUNCTIONS[name](args);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    const at = error.argIndex !== undefined && error.argIndex < argPositions.length ? argPositions[error.argIndex] : position;
    throw new V.ExpressionError(error.code, `${name}(): ${error.message}`, at);
  }
  if (typeof result === 'string' ? result.length > LIMITS.maxString : Array.isArray(result) && result.length > LIMITS.maxArray) {
    throw new V.ExpressionError('EXPRESSION_LIMIT', `${name}(): result larger than the limit`, position);
  }
  return result;
}

module.exports = { call, FUNCTIONS };
