/**
 * Fidelity corpus, part 1: every operator and function of the expression language (SPEC.md), each in a workflow
 * `input x → transform → output result`, with inputs chosen for the edge cases (number formatting, UTF-16, errors).
 */
import { graph, node, wire } from '../../engine/templates/build';
import type { FidelityCase } from './harness';

/** Expressions are written over `x`, which is the transform's input (`value` in its scope). */
function expressionCase(name: string, source: string, xs: unknown[]): FidelityCase {
  const expression = source.replace(/(?<![\w$."'])x(?![\w$"'])/g, 'value');
  return {
    name,
    graph: graph(
      [
        node('x', 'core/input', 0, 0, { name: 'x', type: 'any' }),
        node('t', 'core/transform', 1, 0, { expression }),
        node('out', 'core/output', 2, 0, { name: 'result' }),
      ],
      [wire('x.value', 't.value'), wire('t.value', 'out.value')],
    ),
    inputs: xs.map((x) => ({ x })),
  };
}

export const expressionCases: FidelityCase[] = [
  expressionCase('arithmetic', 'x.a + x.b * 2 - x.c / 4 % 3', [
    { a: 1, b: 2, c: 3 },
    { a: 0.1, b: 0.2, c: 7 },
    { a: 'a', b: 1, c: 1 },
    { a: 1, b: [1], c: 1 },
  ]),
  expressionCase('division', 'x.a / x.b', [
    { a: 7, b: 2 },
    { a: 1, b: 0 },
    { a: 1e308, b: 1e-10 },
    { a: 1, b: 3 },
  ]),
  expressionCase('remainder', 'x.a % x.b', [
    { a: -7, b: 3 },
    { a: 7.5, b: 2 },
    { a: 5, b: 0 },
    { a: 0, b: -3 },
  ]),
  expressionCase('negation', '-x', [3, 0, 'a', -2.5]),
  expressionCase('multiply-overflow', 'x * 10', [1e308, 2, -0.5]),
  expressionCase(
    'number formatting',
    '"n=" + x',
    [1e21, 1e20, 1e-7, 0.000001, 123456789012, -1.5e300, 2.5, 0.30000000000000004, 5e-324, 1.7976931348623157e308, 100, -0],
  ),
  expressionCase('concatenation order', '[1 + 2 + x, x + 1 + 2, "" + (0.1 + 0.2), "v" + true + null]', ['3', 'a', 1]),
  expressionCase('string of containers', '"a" + x', [[1, { b: 2, a: 'q' }], { z: null, a: [1.5, 'é'] }, 'plain']),
  expressionCase('ordering', '[x.a < x.b, x.a <= x.b, x.a > x.b, x.a >= x.b]', [
    { a: 1, b: 2 },
    { a: 'Z', b: 'a' },
    { a: '😀', b: '\uffff' },
    { a: 'apple', b: 'apple' },
    { a: 1, b: '2' },
    { a: null, b: 1 },
  ]),
  expressionCase('equality', '[x.a == x.b, x.a != x.b]', [
    { a: { p: 1, q: [1, null] }, b: { q: [1, null], p: 1 } },
    { a: 1, b: '1' },
    { a: [], b: [] },
    { a: null, b: null },
    { a: true, b: 1 },
    { a: 1, b: 1.0 },
  ]),
  expressionCase('logical', '[x && "yes", x || "no", x ?? "null", !x]', [0, '', [], {}, null, false, 'text', 3]),
  expressionCase('short circuit', 'x ? 1 : nosuch', [true, 1]),
  expressionCase('unknown variable', 'nosuch + 1', [1]),
  expressionCase('conditional', 'x > 0 ? "pos" : x < 0 ? "neg" : "zero"', [5, -1, 0]),
  expressionCase(
    'members',
    '[x.user.name, x.items[0], x.items[-1], x.items[1.5], x["user"]["name"], x.constructor, x.text.length, x.items[10], x.items.length, x["__proto__"]]',
    [
      { user: { name: 'Ada' }, items: [3, 1], text: 'abc' },
      { user: null, items: [], text: null },
    ],
  ),
  expressionCase('text case and trim', '[lower(x), upper(x), trim(x), startsWith(x, "He"), endsWith(x, "d "), len(x)]', [
    '  Hello World ',
    'straße ÀB',
    '\u00a0\ufefftab\t\u2028',
    'ΟΔΟΣ',
    '😀é',
  ]),
  expressionCase('search and replace', '[contains(x, "l"), indexOf(x, "l"), replace(x, "l", "$&"), split(x, "l"), split(x, "")]', [
    'hello',
    '😀l😀',
    '',
    'lll',
  ]),
  expressionCase('contains in arrays', '[contains(x, [2]), indexOf(x, {a: 2}), contains(x, 5)]', [[1, [2], { a: 2 }], []]),
  expressionCase('join', '[join(x, "-"), join(x)]', [[1, 'a', null, true, [1], { b: 1 }], [], ['only']]),
  expressionCase('slice', '[slice(x, 1, 3), slice(x, -3), slice(x, 5, 1), slice(x, 0, -1)]', ['hello', [1, 2, 3, 4], '😀abc', '']),
  expressionCase('slice type error', 'slice(x, 1.5)', ['abc', 3]),
  expressionCase('array functions', '[first(x), last(x), reverse(x), flatten(x), concat(x, [9]), unique(x)]', [[1, [2, [3]], [], 1, '1', [2]], []]),
  expressionCase('sort', 'sort(x)', [[10, 9, 1.5, -2], ['b', 'B', 'a', 'é', '😀', '\uffff'], [1, 'a'], []]),
  expressionCase('range', '[range(x), range(2, x)]', [3, 0, 1.5, 100001, -2]),
  expressionCase(
    'object functions',
    '[keys(x), values(x), has(x, "a"), has(x, "constructor"), merge(x, {z: 1}, null), pick(x, ["a", "q"]), omit(x, ["a"]), len(x)]',
    [{ b: 1, a: 2, B: 3 }, {}, [1]],
  ),
  expressionCase('has on arrays', '[has(x, 1), has(x, 5), has(x, "0"), has(null, "a")]', [[1, 2], []]),
  expressionCase('numeric', '[abs(x), floor(x), ceil(x), round(x)]', [2.5, -2.5, 0.49999999999999994, -0.4, 1e20, 2.4999, 'a']),
  expressionCase('aggregates', '[min(x), max(x), sum(x), avg(x)]', [[3, 1, 2], [0.1, 0.2], [], ['a']]),
  expressionCase('variadic min max', '[min(3, x, 2), max(1, x)]', [5, -1, 'a']),
  expressionCase('number()', 'number(x)', [' 42 ', '1e3', '-.5', true, false, 7, '12px', '0x10', '1e999', null, '']),
  expressionCase('conversions', '[string(x), boolean(x), typeOf(x), isNull(x), default(x, "d"), toJson(x)]', [
    { b: [1, 2], a: 'x' },
    null,
    0,
    'é\u2028\n"\u0001\ud800',
    1e21,
    [true],
  ]),
  expressionCase('parseJson', 'parseJson(x)', ['{"a": [1, 2.50, -0]}', '{bad', '[1e999]', '"\\ud800"', 'null', ' 7 ', 3]),
  expressionCase('literals', '{a: x, "b c": [x, {d: null}], constructor: "c", e: -0, f: 1e3, g: "it\'s\\n"}', [1, 'two']),
  expressionCase('string limit', 'len(replace(x, "a", "aaaaaaaaaa"))', ['a'.repeat(200_000), 'abc']),
];
