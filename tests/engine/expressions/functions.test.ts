import { EXPRESSION_FUNCTIONS, roundHalfAwayFromZero } from '../../../engine/expressions';
import { parseFailure, run, runFailure } from './helpers';

/** One happy path and one type error per function; the error must point at the offending argument. */
const cases: Record<string, { ok: Array<[string, unknown]>; bad: Array<[string, number, string]> }> = {
  len: {
    ok: [
      ['len("abc")', 3],
      ['len([])', 0],
      ['len({})', 0],
    ],
    bad: [['len(true)', 4, 'len(): argument 1 must be a string, array or object, got boolean']],
  },
  lower: { ok: [['lower("AbC")', 'abc']], bad: [['lower(1)', 6, 'lower(): argument 1 must be a string, got number']] },
  upper: { ok: [['upper("abc")', 'ABC']], bad: [['upper(null)', 6, 'lower(): argument 1 must be a string, got null'.replace('lower', 'upper')]] },
  trim: { ok: [['trim("\\t x \\n\\u00a0")', 'x']], bad: [['trim([])', 5, 'trim(): argument 1 must be a string, got array']] },
  contains: {
    ok: [
      ['contains([1, 2], 2)', true],
      ['contains("abc", "d")', false],
      ['contains("abc", "")', true],
    ],
    bad: [['contains(5, 5)', 9, 'contains(): argument 1 must be a string or an array, got number']],
  },
  indexOf: {
    ok: [
      ['indexOf(["a", "b"], "b")', 1],
      ['indexOf("abc", "z")', -1],
    ],
    bad: [['indexOf("abc", [1])', 15, 'indexOf(): argument 2 must be a string, got array']],
  },
  startsWith: {
    ok: [
      ['startsWith("abc", "")', true],
      ['startsWith("abc", "b")', false],
    ],
    bad: [['startsWith("abc", 1)', 18, 'startsWith(): argument 2 must be a string, got number']],
  },
  endsWith: { ok: [['endsWith("abc", "bc")', true]], bad: [['endsWith(1, "1")', 9, 'endsWith(): argument 1 must be a string, got number']] },
  replace: {
    ok: [
      ['replace("a-b-c", "-", "+")', 'a+b+c'],
      ['replace("aaaa", "aa", "b")', 'bb'],
    ],
    bad: [['replace("a", "a", 1)', 18, 'replace(): argument 3 must be a string, got number']],
  },
  split: {
    ok: [
      ['split("a b", " ")', ['a', 'b']],
      ['split("", "")', []],
    ],
    bad: [['split("a", null)', 11, 'split(): argument 2 must be a string, got null']],
  },
  join: {
    ok: [
      ['join([[1], {a: 1}, 1.5], "|")', '[1]|{"a":1}|1.5'],
      ['join([], "-")', ''],
    ],
    bad: [
      ['join("abc")', 5, 'join(): argument 1 must be an array, got string'],
      ['join([], 0)', 9, 'join(): argument 2 must be a string, got number'],
    ],
  },
  slice: {
    ok: [
      ['slice([1, 2, 3], -2)', [2, 3]],
      ['slice("abc", 5)', ''],
      ['slice("abc", 2, 1)', ''],
    ],
    bad: [
      ['slice({}, 1)', 6, 'slice(): argument 1 must be a string or an array, got object'],
      ['slice("a", 0, "1")', 14, 'slice(): argument 3 must be an integer, got string'],
    ],
  },
  first: { ok: [['first([[1], 2])', [1]]], bad: [['first("ab")', 6, 'first(): argument 1 must be an array, got string']] },
  last: { ok: [['last([])', null]], bad: [['last({})', 5, 'last(): argument 1 must be an array, got object']] },
  reverse: { ok: [['reverse([])', []]], bad: [['reverse("ab")', 8, 'reverse(): argument 1 must be an array, got string']] },
  flatten: { ok: [['flatten([[1, 2], [[3]], 4])', [1, 2, [3], 4]]], bad: [['flatten(1)', 8, 'flatten(): argument 1 must be an array, got number']] },
  concat: {
    ok: [
      ['concat([1])', [1]],
      ['concat([], [[1]], [2])', [[1], 2]],
    ],
    bad: [['concat([1], 2)', 12, 'concat(): argument 2 must be an array, got number']],
  },
  unique: {
    ok: [['unique([{a: 1, b: 2}, {b: 2, a: 1}, null, null])', [{ a: 1, b: 2 }, null]]],
    bad: [['unique({})', 7, 'unique(): argument 1 must be an array, got object']],
  },
  sort: {
    ok: [
      ['sort([])', []],
      ['sort([-1, -10, 2])', [-10, -1, 2]],
    ],
    bad: [
      ['sort([[1], [0]])', 5, 'sort(): argument 1 must be an array of numbers or an array of strings, got array'],
      ['sort(["a", null])', 5, 'sort(): argument 1 must be an array of numbers or an array of strings, got array'],
    ],
  },
  range: {
    ok: [
      ['range(0)', []],
      ['range(-3, -1)', [-3, -2]],
    ],
    bad: [
      ['range(1.5)', 6, 'range(): argument 1 must be an integer, got number'],
      ['range(0, "3")', 9, 'range(): argument 2 must be an integer, got string'],
    ],
  },
  keys: { ok: [['keys({})', []]], bad: [['keys([1])', 5, 'keys(): argument 1 must be an object, got array']] },
  values: { ok: [['values({b: [1], a: null})', [null, [1]]]], bad: [['values(null)', 7, 'values(): argument 1 must be an object, got null']] },
  has: {
    ok: [
      ['has([1], 1)', false],
      ['has([1], -1)', false],
      ['has("abc", "length")', false],
      ['has({a: 1}, "a")', true],
    ],
    bad: [],
  },
  merge: {
    ok: [
      ['merge(null)', {}],
      ['merge({a: {x: 1}}, {a: {y: 2}})', { a: { y: 2 } }],
    ],
    bad: [['merge({}, [1])', 10, 'merge(): argument 2 must be an object or null, got array']],
  },
  pick: {
    ok: [['pick({a: 1}, [])', {}]],
    bad: [
      ['pick({a: 1}, ["a", 1])', 13, 'pick(): argument 2 must be an array of strings, got array'],
      ['pick([], [])', 5, 'pick(): argument 1 must be an object, got array'],
    ],
  },
  omit: { ok: [['omit({a: 1, b: 2}, ["a", "b"])', {}]], bad: [['omit({}, "a")', 9, 'omit(): argument 2 must be an array, got string']] },
  abs: {
    ok: [
      ['abs(-0)', 0],
      ['abs(2)', 2],
    ],
    bad: [['abs("1")', 4, 'abs(): argument 1 must be a number, got string']],
  },
  floor: { ok: [['floor(2.9)', 2]], bad: [['floor(null)', 6, 'floor(): argument 1 must be a number, got null']] },
  ceil: { ok: [['ceil(-1.5)', -1]], bad: [['ceil(true)', 5, 'ceil(): argument 1 must be a number, got boolean']] },
  round: {
    ok: [
      ['round(1.5)', 2],
      ['round(-1.5)', -2],
      ['round(1e300)', 1e300],
    ],
    bad: [['round("1.5")', 6, 'round(): argument 1 must be a number, got string']],
  },
  min: {
    ok: [
      ['min(2)', 2],
      ['min([-1, 5])', -1],
    ],
    bad: [
      ['min(1, "0")', 7, 'min(): argument 2 must be a number, got string'],
      ['min(["1"])', 4, 'min(): argument 1 must be an array of numbers, got array'],
    ],
  },
  max: {
    ok: [['max(1, 9, 3)', 9]],
    bad: [
      ['max([])', 4, 'max(): argument 1 must be a non-empty array of numbers, got array'],
      ['max([1], [2])', 4, 'max(): argument 1 must be a number, got array'],
    ],
  },
  sum: { ok: [['sum([0.1, 0.2])', 0.30000000000000004]], bad: [['sum([1, "2"])', 4, 'sum(): argument 1 must be an array of numbers, got array']] },
  avg: { ok: [['avg([2])', 2]], bad: [['avg([])', 4, 'avg(): argument 1 must be a non-empty array of numbers, got array']] },
  number: {
    ok: [
      ['number("+1.50")', 1.5],
      ['number(false)', 0],
      ['number(3)', 3],
      ['number("5.")', 5],
    ],
    bad: [
      ['number("")', 7, 'number(): cannot convert "" to number'],
      ['number(null)', 7, 'number(): argument 1 must be a number, string or boolean, got null'],
      ['number("1_000")', 7, 'number(): cannot convert "1_000" to number'],
      ['number("Infinity")', 7, 'number(): cannot convert "Infinity" to number'],
    ],
  },
  string: {
    ok: [
      ['string("s")', 's'],
      ['string(false)', 'false'],
      ['string([])', '[]'],
    ],
    bad: [],
  },
  boolean: {
    ok: [
      ['boolean("")', false],
      ['boolean({})', true],
    ],
    bad: [],
  },
  typeOf: {
    ok: [
      ['typeOf(null)', 'null'],
      ['typeOf(true)', 'boolean'],
      ['typeOf("")', 'string'],
      ['typeOf({})', 'object'],
    ],
    bad: [],
  },
  isNull: {
    ok: [
      ['isNull(null)', true],
      ['isNull("")', false],
    ],
    bad: [],
  },
  default: {
    ok: [
      ['default(null, [1])', [1]],
      ['default(false, 1)', false],
    ],
    bad: [],
  },
  toJson: {
    ok: [
      ['toJson("a\\"b")', '"a\\"b"'],
      ['toJson(null)', 'null'],
      ['toJson(-1.5e-7)', '-1.5e-7'],
    ],
    bad: [],
  },
  parseJson: {
    ok: [
      ['parseJson("[1, 2.5e1, \\"x\\", null]")', [1, 25, 'x', null]],
      ['parseJson("{\\"__proto__\\": 1}").__proto__', 1],
    ],
    bad: [
      ['parseJson(1)', 10, 'parseJson(): argument 1 must be a string, got number'],
      ['parseJson("")', 10, 'parseJson(): invalid JSON: Unexpected end of JSON input'],
    ],
  },
};

describe.each(Object.keys(EXPRESSION_FUNCTIONS))('%s()', (name) => {
  const definition = EXPRESSION_FUNCTIONS[name];
  const entry = cases[name];

  it('has test cases', () => {
    expect(entry).toBeDefined();
    expect(entry.ok.length).toBeGreaterThan(0);
  });

  it('computes its documented results', () => {
    for (const [source, expected] of entry?.ok ?? []) expect({ source, value: run(source) }).toEqual({ source, value: expected });
  });

  it('rejects arguments of the wrong type at the argument position', () => {
    for (const [source, position, reason] of entry?.bad ?? []) {
      expect(runFailure(source)).toEqual({ code: 'EXPRESSION_TYPE', position, message: `${reason} at ${position}` });
    }
  });

  it('rejects a wrong argument count at parse time', () => {
    const call = (count: number) => `x + ${name}(${Array.from({ length: count }, () => '1').join(', ')})`;
    const counts = [definition.minArgs - 1, ...(definition.maxArgs === null ? [] : [definition.maxArgs + 1])].filter((n) => n >= 0);
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(parseFailure(call(count))).toMatchObject({ code: 'EXPRESSION_TYPE', position: 4 });
  });
});

describe('round()', () => {
  it('rounds halves away from zero, exactly, for many values', () => {
    for (let i = -2000; i <= 2000; i++) {
      const x = i / 8;
      const expected = Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
      expect(roundHalfAwayFromZero(x) + 0).toBe(expected + 0);
    }
    expect(roundHalfAwayFromZero(0.49999999999999994)).toBe(0);
    expect(roundHalfAwayFromZero(4503599627370497)).toBe(4503599627370497);
  });
});
