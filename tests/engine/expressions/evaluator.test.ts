import { evaluateExpression, formatNumber, isTruthy, parseExpression, toJsonText, type ExpressionNode } from '../../../engine/expressions';
import { failure, run, runFailure } from './helpers';

describe('number semantics and formatting', () => {
  it.each([
    ['0.1 + 0.2', 0.30000000000000004, '0.30000000000000004'],
    ['7 / 2', 3.5, '3.5'],
    ['1e21', 1e21, '1e+21'],
    ['1e21 - 1e5', 999999999999999900000, '999999999999999900000'],
    ['2.0 * 3', 6, '6'],
    ['9007199254740993', 9007199254740992, '9007199254740992'],
    ['0.000001', 0.000001, '0.000001'],
    ['0.0000001', 1e-7, '1e-7'],
    ['123e-20', 1.23e-18, '1.23e-18'],
    ['-1 / 3', -1 / 3, '-0.3333333333333333'],
    ['5e-324', 5e-324, '5e-324'],
    ['1.7976931348623157e308', Number.MAX_VALUE, '1.7976931348623157e+308'],
  ])('%s = %d, printed as %s', (source, value, text) => {
    expect(run(source)).toBe(value);
    expect(run(`"" + (${source})`)).toBe(text);
    expect(formatNumber(value)).toBe(text);
  });

  it('never produces negative zero', () => {
    for (const source of ['-0', '0 * -5', '-0 + -0', '-1 % 1', 'round(-0.2)', 'ceil(-0.5)', 'number("-0")', 'parseJson("-0")', '-(1 - 1)', '0 / -3']) {
      expect(Object.is(run(source), 0)).toBe(true);
    }
  });

  it.each(['1e308 + 1e308', '-1e308 - 1e308', '1e200 * 1e200', '1e300 / 1e-300', 'sum([1e308, 1e308])', 'avg([1e308, 1e308])'])(
    '%s overflows to an EXPRESSION_LIMIT error, not Infinity',
    (source) => {
      expect(runFailure(source).code).toBe('EXPRESSION_LIMIT');
    },
  );

  it('rejects division and remainder by zero with the operator position', () => {
    expect(runFailure('x / 0', { x: 1 })).toEqual({ code: 'EXPRESSION_TYPE', position: 2, message: 'division by zero at 2' });
    expect(runFailure('0 / 0')).toMatchObject({ code: 'EXPRESSION_TYPE', position: 2 });
    expect(runFailure('x % (1 - 1)', { x: 4 })).toEqual({ code: 'EXPRESSION_TYPE', position: 2, message: 'remainder by zero at 2' });
  });
});

describe('operators', () => {
  it('reports type errors naming both types at the operator', () => {
    expect(runFailure('4 + [1]')).toEqual({ code: 'EXPRESSION_TYPE', position: 2, message: 'cannot add number and array at 2' });
    expect(runFailure('x - "1"', { x: 1 })).toMatchObject({ message: 'cannot subtract number and string at 2' });
    expect(runFailure('null * 2')).toMatchObject({ message: 'cannot multiply null and number at 5' });
    expect(runFailure('{} / 2')).toMatchObject({ message: 'cannot divide object and number at 3' });
    expect(runFailure('true % 2')).toMatchObject({ message: 'cannot take the remainder of boolean and number at 5' });
    expect(runFailure('[] < []')).toMatchObject({ message: 'cannot compare array and array at 3' });
    expect(runFailure('-[]')).toMatchObject({ message: 'cannot negate array at 0' });
    expect(runFailure('false + null')).toMatchObject({ message: 'cannot add boolean and null at 6' });
  });

  it('short-circuits && || ?? and ?: (the untaken side is never evaluated)', () => {
    expect(run('false && nope')).toBe(false);
    expect(run('"x" || nope')).toBe('x');
    expect(run('0 ?? nope')).toBe(0);
    expect(run('true ? 1 : nope')).toBe(1);
    expect(run('false ? nope : 2')).toBe(2);
    expect(runFailure('true && nope').code).toBe('EXPRESSION_UNKNOWN_NAME');
  });

  it('applies the truthiness table', () => {
    const truthy = [true, 1, -1, 'a', ' ', '0', 'false', [], {}, [0], 0.5];
    const falsy = [false, null, 0, ''];
    for (const value of truthy) expect(run('x ? "t" : "f"', { x: value })).toBe('t');
    for (const value of falsy) expect(run('x ? "t" : "f"', { x: value })).toBe('f');
    expect(isTruthy(undefined)).toBe(false);
  });

  it('compares strings by UTF-16 code units and numbers numerically', () => {
    expect(run('"10" < "9"')).toBe(true);
    expect(run('10 < 9')).toBe(false);
    expect(run('"\uFF61" < "\uD83D\uDE00"')).toBe(false);
    expect(run('"a" <= "a" && "b" >= "a" && "b" > "a"')).toBe(true);
  });

  it('uses deep equality without coercion', () => {
    expect(run('a == b', { a: { x: [1, { y: null }] }, b: { x: [1, { y: null }] } })).toBe(true);
    expect(run('a == b', { a: { x: 1 }, b: { x: 1, y: 2 } })).toBe(false);
    expect(run('a == b', { a: [1, 2], b: [2, 1] })).toBe(false);
    expect(run('a == b', { a: [], b: {} })).toBe(false);
    expect(run('0 == false')).toBe(false);
    expect(run('"" == null')).toBe(false);
    expect(run('null == null')).toBe(true);
  });
});

describe('scope and member access', () => {
  const scope = { inputs: { list: [10, 20], obj: { 'a b': 1, n: null }, s: 'str', fn: () => 1, undef: undefined } };

  it('reads own properties and indexes, null otherwise', () => {
    expect(run('inputs.list[1]', scope)).toBe(20);
    expect(run('inputs.obj["a b"]', scope)).toBe(1);
    expect(run('inputs.obj.n', scope)).toBeNull();
    expect(run('inputs.list[2]', scope)).toBeNull();
    expect(run('inputs.list["0"]', scope)).toBeNull();
    expect(run('inputs.s[0]', scope)).toBeNull();
    expect(run('inputs.s.x.y.z', scope)).toBeNull();
    expect(run('inputs.list.x', scope)).toBeNull();
    expect(run('(1).x')).toBeNull();
  });

  it('reads host values outside JSON (functions, undefined) as null', () => {
    expect(run('inputs.fn', scope)).toBeNull();
    expect(run('typeOf(inputs.undef)', scope)).toBe('null');
    expect(run('x', { x: undefined })).toBeNull();
    expect(run('x', { x: Symbol('s') })).toBeNull();
  });

  it('resolves variables as own properties of the scope only', () => {
    expect(runFailure('toString', {})).toEqual({ code: 'EXPRESSION_UNKNOWN_NAME', position: 0, message: "unknown variable 'toString' at 0" });
    expect(runFailure('x + constructor', { x: 1 })).toMatchObject({ code: 'EXPRESSION_UNKNOWN_NAME', position: 4 });
    const nullPrototypeScope = Object.assign(Object.create(null) as Record<string, unknown>, { v: 2 });
    expect(run('v * 2', nullPrototypeScope)).toBe(4);
  });

  it('builds objects with "__proto__" as an own key without touching prototypes', () => {
    const value = run('{"__proto__": {polluted: 1}, a: 1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(run('o["__proto__"].polluted', { o: value })).toBe(1);
  });

  it('never mutates inputs and returns fresh containers', () => {
    const data = { list: [3, 1, 2], obj: { b: 1 } };
    const snapshot = JSON.parse(JSON.stringify(data));
    run('[sort(d.list), reverse(d.list), merge(d.obj, {c: 2}), omit(d.obj, ["b"]), concat(d.list, [4])]', { d: data });
    expect(data).toEqual(snapshot);
    const first = run('[1, {a: 2}]');
    (first as unknown[]).push(9);
    expect(run('[1, {a: 2}]')).toEqual([1, { a: 2 }]);
  });
});

describe('string conversion and JSON text', () => {
  it('concatenates with spec formatting on either side', () => {
    expect(run('1.5 + "x" + null + true + [1, "a"] + {z: 1, a: {c: 2, b: 1}}')).toBe('1.5xnulltrue[1,"a"]{"a":{"b":1,"c":2},"z":1}');
  });

  it('escapes strings exactly like JSON.stringify and sorts keys by code unit', () => {
    const text = toJsonText({ b: 'q"\\\n\u0001\uD800', a: [1e21, 0.5, null, true], B: {} });
    expect(text).toBe('{"B":{},"a":[1e+21,0.5,null,true],"b":"q\\"\\\\\\n\\u0001\\ud800"}');
    expect(JSON.parse(text)).toEqual({ B: {}, a: [1e21, 0.5, null, true], b: 'q"\\\n\u0001\uD800' });
  });
});

describe('evaluateExpression', () => {
  it('rejects hand-built ASTs that call unknown functions', () => {
    const ast = { type: 'Call', callee: 'process', args: [], start: 0, end: 9 } as ExpressionNode;
    expect(failure(() => evaluateExpression(ast, {}))).toMatchObject({ code: 'EXPRESSION_UNKNOWN_NAME', position: 0 });
  });

  it('evaluates the same parsed AST against many scopes', () => {
    const ast = parseExpression('item.score >= config.threshold');
    const items = [0.2, 0.7, 0.9].map((score) => evaluateExpression(ast, { item: { score }, config: { threshold: 0.5 } }));
    expect(items).toEqual([false, true, true]);
  });
});
