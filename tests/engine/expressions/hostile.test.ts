/**
 * Hostile expressions and data: every case must end quickly in an ExpressionError (or a harmless null), never a
 * host exception, a hang, or a polluted prototype.
 */
import { EXPRESSION_LIMITS, parseExpression } from '../../../engine/expressions';
import { parseFailure, run, runFailure } from './helpers';

/** Fails the test if the action takes longer than `ms` (generous: the point is "not seconds or minutes"). */
function quickly<T>(action: () => T, ms = 1000): T {
  const started = performance.now();
  const result = action();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

const nested = (open: string, inner: string, close: string, depth: number) => open.repeat(depth) + inner + close.repeat(depth);

describe('prototype tricks', () => {
  const scope = { inputs: { text: 'x', list: [1] } };

  it.each([
    'inputs.constructor',
    'inputs["__proto__"]',
    'inputs.__proto__',
    '[].constructor',
    '"".constructor',
    '{}.constructor',
    'inputs.constructor.constructor',
    'inputs["constructor"]["prototype"]',
    'inputs.list.constructor',
    'inputs.list["map"]',
    'inputs.text.toString',
    'inputs.hasOwnProperty',
    '(1).toFixed',
    'inputs["__defineGetter__"]',
  ])('%s → null', (source) => {
    expect(run(source, scope)).toBeNull();
  });

  it('cannot reach prototypes through functions or scope names', () => {
    expect(run('has(inputs, "constructor") || has(inputs, "__proto__") || contains(keys(inputs), "constructor")', scope)).toBe(false);
    expect(runFailure('constructor', scope).code).toBe('EXPRESSION_UNKNOWN_NAME');
    expect(runFailure('__proto__', scope).code).toBe('EXPRESSION_UNKNOWN_NAME');
    expect(parseFailure('constructor("return process")()').code).toBe('EXPRESSION_UNKNOWN_NAME');
    expect(parseFailure('hasOwnProperty(inputs, "x")').code).toBe('EXPRESSION_UNKNOWN_NAME');
  });

  it('does not pollute Object.prototype through __proto__ keys', () => {
    const merged = run(
      'merge(parseJson("{\\"__proto__\\": {\\"polluted\\": true}}"), {"__proto__": {"polluted": 1}}, pick(parseJson("{\\"__proto__\\": 2}"), ["__proto__"]))',
    ) as object;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(run('{}.polluted')).toBeNull();
  });
});

describe('nesting and size limits', () => {
  it.each([
    ['parentheses', nested('(', '1', ')', 4999)],
    ['brackets', nested('[', '1', ']', 4999)],
    ['braces', nested('{a:', '1', '}', 2000)],
    ['calls', nested('len(', '"x"', ')', 1500)],
    ['unary !', '!'.repeat(9000) + 'x'],
    ['unary -', '- '.repeat(4000) + '1'],
    ['ternaries', 'x ? 1 : '.repeat(1200) + '0'],
    ['operator chain', Array(4000).fill('1').join('+')],
    ['member chain', 'x' + '.a'.repeat(4000)],
    ['index chain', 'x' + '[0]'.repeat(2000)],
  ])('deep %s → EXPRESSION_LIMIT without recursing the host stack', (_name, source) => {
    expect(source.length).toBeLessThanOrEqual(EXPRESSION_LIMITS.maxSourceLength);
    expect(quickly(() => parseFailure(source)).code).toBe('EXPRESSION_LIMIT');
  });

  it('accepts nesting up to the limit', () => {
    expect(run(nested('(', '1', ')', 90))).toBe(1);
    expect(run(Array(100).fill('1').join('+'))).toBe(100);
    expect(parseFailure(Array(101).fill('1').join('+')).code).toBe('EXPRESSION_LIMIT');
  });

  it('accepts a 10,000-character source and rejects one character more', () => {
    const body = Array(4996).fill('1').join(',');
    const source = `len([${body}])`.padEnd(EXPRESSION_LIMITS.maxSourceLength, ' ');
    expect(source.length).toBe(10_000);
    expect(quickly(() => run(source))).toBe(4996);
    expect(parseFailure(source + ' ')).toEqual({ code: 'EXPRESSION_LIMIT', position: 10_000, message: 'expression longer than 10000 characters at 10000' });
    expect(quickly(() => parseFailure('('.repeat(1_000_000))).code).toBe('EXPRESSION_LIMIT');
  });

  it('bounds range()', () => {
    expect((run('range(100000)') as number[]).length).toBe(100_000);
    for (const source of ['range(1e9)', 'range(-1e15, 1e15)', 'range(9007199254740991)']) {
      expect(quickly(() => runFailure(source)).code).toBe('EXPRESSION_LIMIT');
    }
  });

  it('bounds string growth before building the string', () => {
    const s = 'x'.repeat(100_000);
    const doubling = (depth: number): string => (depth === 0 ? 's' : `(${doubling(depth - 1)} + ${doubling(depth - 1)})`);
    expect((run(doubling(3), { s }) as string).length).toBe(800_000);
    for (const source of [
      doubling(4),
      'replace(s, "x", s)',
      'join(split(s, ""), s)',
      'toJson([s, s, s, s, s, s, s, s, s, s, s])',
      'string([s, s, s, s, s, s, s, s, s, s, s])',
      '"" + [s, s, s, s, s, s, s, s, s, s, s]',
      'upper(replace(s + s + s + s + s + s, "x", "ß"))',
    ]) {
      expect({ source, code: quickly(() => runFailure(source, { s })).code }).toEqual({ source, code: 'EXPRESSION_LIMIT' });
    }
  });

  it('bounds array growth', () => {
    const big = Array.from({ length: 1000 }, () => Array(1000).fill(0));
    expect(quickly(() => runFailure('flatten(concat(big, [[1]]))', { big })).code).toBe('EXPRESSION_LIMIT');
    expect(quickly(() => runFailure('concat(big[0], ' + 'range(100000), '.repeat(10) + '[])', { big })).code).toBe('EXPRESSION_LIMIT');
  });

  it('keeps the heavy but legal functions fast', () => {
    // ≈160 ms alone; a quadratic unique or sort over 100,000 items would take minutes. The bound leaves room for a
    // long --runInBand process collecting garbage (3.6 s measured once there).
    quickly(() => run('len(unique(range(100000))) + len(sort(range(100000))) + sum(range(100000))'), 15_000);
  });
});

describe('hostile data', () => {
  const deep = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('turns stack exhaustion on deep host data into EXPRESSION_LIMIT', () => {
    const a = deep(200_000);
    const b = deep(200_000);
    expect(quickly(() => runFailure('a == b', { a, b })).code).toBe('EXPRESSION_LIMIT');
    expect(quickly(() => runFailure('toJson(a)', { a })).code).toBe('EXPRESSION_LIMIT');
    expect(quickly(() => runFailure('"" + a', { a })).code).toBe('EXPRESSION_LIMIT');
    expect(quickly(() => runFailure('unique([a])', { a })).code).toBe('EXPRESSION_LIMIT');
  });

  it('refuses deeply nested JSON text', () => {
    expect(quickly(() => runFailure('parseJson(s)', { s: '['.repeat(500_000) + ']'.repeat(500_000) })).code).toBe('EXPRESSION_LIMIT');
    expect(run('len(parseJson(s))', { s: '['.repeat(900) + ']'.repeat(900) })).toBe(1);
  });

  it('leaves the host working afterwards', () => {
    expect(parseExpression('1 + 1')).toMatchObject({ type: 'Binary' });
    expect(run('upper("ok")')).toBe('OK');
  });
});
