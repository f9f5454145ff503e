/**
 * Fidelity corpus, part 3: regression cases for divergence classes found outside the project's own corpus (issue 20)
 * and minimal cases saved by the random differential suite (`fuzz.test.ts`). One workflow per class; each input
 * exercises an instance of the class, not only the instance first reported.
 */
import { graph, node, wire } from '../../engine/templates/build';
import type { FidelityCase } from './harness';

const input = (id: string, name: string, type = 'any') => node(id, 'core/input', 0, 0, { name, type });
const output = (id: string, name: string) => node(id, 'core/output', 9, 0, { name });

/** `input x → transform(expression over value) → output result`. */
function transformCase(name: string, expression: string, xs: unknown[]): FidelityCase {
  return {
    name,
    graph: graph(
      [input('x', 'x'), node('t', 'core/transform', 1, 0, { expression }), output('out', 'result')],
      [wire('x.value', 't.value'), wire('t.value', 'out.value')],
    ),
    inputs: xs.map((x) => ({ x })),
  };
}

const deep = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { k: v } : [v];
  return v;
};

export function regressionCases(http: string): FidelityCase[] {
  return [
    // 1. A folded object literal as a JavaScript arrow body (or `||` thunk) parsed as a block.
    transformCase('class 1: folded object literals in arrow bodies', '{b: 1, c: [1, 2]}', [0]),
    transformCase('class 1: folded object literal in a short-circuit operand', '[value || {a: 1}, value ?? {b: {c: 2}}, value && {d: 3}]', [0, null, 'x']),
    // 2. split/replace/startsWith/endsWith on UTF-16 code units, lone surrogates included; concatenation rejoins halves.
    transformCase(
      'class 2: string functions on lone surrogates',
      '[split(value.s, value.t), replace(value.s, value.t, "-"), startsWith(value.s, value.t), endsWith(value.s, value.t), contains(value.s, value.t), indexOf(value.s, value.t), len(value.t + value.s), value.t + value.s == value.s2]',
      [
        { s: 'a😀b😀', t: '\ud83d', s2: '' },
        { s: '😀x😀', t: '\ude00', s2: '' },
        { s: '\ude00\ud83d', t: '\ude00', s2: '\ude00\ude00\ud83d' },
        { s: '\ude00', t: '\ud83d', s2: '😀' },
        { s: '😀', t: '😀', s2: '😀😀' },
      ],
    ),
    transformCase(
      'class 2: joining halves',
      '[join([value.a, value.b], "") == "😀", replace(value.a + "x" + value.b, "x", "") == "😀", len(join([value.a, value.b], ""))]',
      [{ a: '\ud83d', b: '\ude00' }],
    ),
    // 3. json_parse's code fence accepts ECMAScript whitespace (\ufeff, \u00a0, \u2028), refuses \x1c and \u0085.
    {
      name: 'class 3: json_parse code fence whitespace',
      graph: graph(
        [input('t', 't', 'string'), node('p', 'core/json_parse', 1, 0, { allowCodeFence: true }), output('o', 'value')],
        [wire('t.value', 'p.text'), wire('p.value', 'o.value')],
      ),
      inputs: ['\ufeff', '\u00a0', '\u2028', '\u3000', '\x1c', '\u0085', '\u180e'].map((ws) => ({ t: `${ws}\`\`\`json${ws}\n{"a": 1}\n${ws}\`\`\`${ws}` })),
    },
    // 4. Template placeholders and get paths trim ECMAScript whitespace only (one workflow each: a bad path fails the run).
    ...['\u00a0', '\u2028', '\ufeff', '\u3000', '\x1c', '\x1f', '\u0085', '\u180e'].map(
      (ws): FidelityCase => ({
        name: `class 4: placeholder and path whitespace U+${ws.charCodeAt(0).toString(16)}`,
        graph: graph(
          [
            input('v', 'v', 'object'),
            node('tpl', 'core/template', 1, 0, { template: `[{{${ws}a${ws}}}]` }),
            node('g', 'core/get', 1, 1, { path: `${ws}a${ws}` }),
            output('o1', 'text'),
            output('o2', 'got'),
          ],
          [wire('v.value', 'tpl.values'), wire('v.value', 'g.value'), wire('tpl.text', 'o1.value'), wire('g.value', 'o2.value')],
        ),
        inputs: [{ v: { a: 1 } }],
      }),
    ),
    // 5. Integer-like keys come first in JSON text (JSON.stringify order), in every language.
    {
      name: 'class 5: integer-like keys in JSON text',
      graph: graph(
        [input('v', 'v'), node('tpl', 'core/template', 1, 0, { template: '{{value}}' }), output('o', 'text')],
        [wire('v.value', 'tpl.value'), wire('tpl.text', 'o.value')],
      ),
      inputs: [{ v: { b: 1, 2: 2, 1: 3, '01': 4, '-1': 5, 4294967295: 6, 4294967294: 7, a: { 10: 1, 9: 2, x: 3 } } }, { v: [{ z: 1, 0: 0 }] }],
    },
    // 6. Integer arguments are doubles of any magnitude.
    transformCase('class 6: large integer arguments', '[range(value.a, value.b), slice("abc", value.a), slice([1, 2], 0 - value.a)]', [
      { a: 9007199254740990, b: 9007199254740994 },
      { a: 2147483648, b: 2147483650 },
      { a: 1e300, b: 1e300 },
      { a: -2147483650, b: -2147483648 },
    ]),
    // 7. Deep values pass through; the 1,000 limit belongs to toJson/parseJson only.
    transformCase('class 7: deep values', 'value', [deep(1500, 1), deep(1001, 'x')]),
    transformCase('class 7: deep values and toJson', 'len(toJson(value))', [deep(1001, 1), deep(999, 1)]),
    // 8. An invalid URL is INVALID_INPUT before any request.
    {
      name: 'class 8: invalid URLs',
      graph: graph(
        [
          input('u', 'u', 'string'),
          node('h', 'core/http_request', 1, 0, { failOnErrorStatus: false }),
          node('s', 'core/get', 2, 0, { path: 'status' }),
          output('o', 'status'),
        ],
        [wire('u.value', 'h.url'), wire('h.response', 's.value'), wire('s.value', 'o.value')],
      ),
      inputs: [
        `${http.replace(/:\d+$/, ':99999')}/users/1`,
        'http://exa mple.com/',
        'http://[zz]/',
        'http://a:b:c/',
        'ftp://x/',
        `${http}/users/1`,
        `${http}/users/1?x=1#y`,
      ].map((u) => ({ u })),
    },
    // 9. A run input that overflows a double (1e400) is refused as INVALID_INPUT everywhere.
    transformCase('class 9: non-finite run inputs', 'value', [Infinity, -Infinity, [1, { a: Infinity }], 1.7976931348623157e308, -0]),
    {
      name: 'class 9: non-finite input not read',
      graph: graph([input('a', 'a', 'number'), output('o', 'a')], [wire('a.value', 'o.value')]),
      inputs: [{ a: 1, b: Infinity }],
    },
    // 10. `__proto__` is an ordinary key: as an output name, a run input name, a path, a literal key.
    {
      name: 'class 10: __proto__ as an ordinary key',
      graph: graph(
        [
          node('x', 'core/input', 0, 0, { name: 'x', type: 'any', required: false }),
          node('t', 'core/transform', 1, 0, { expression: '{"__proto__": value, constructor: 1}' }),
          node('s', 'core/set', 1, 1, { path: '__proto__.a' }),
          node('g', 'core/get', 2, 0, { path: '__proto__', default: 'none' }),
          output('o1', '__proto__'),
          output('o2', 'constructor'),
          output('o3', 'set'),
          output('o4', 'got'),
        ],
        [
          wire('x.value', 't.value'),
          wire('x.value', 's.object'),
          wire('x.value', 's.value'),
          wire('t.value', 'o1.value'),
          wire('t.value', 'o2.value'),
          wire('s.value', 'o3.value'),
          wire('x.value', 'g.value'),
          wire('g.value', 'o4.value'),
        ],
      ),
      inputs: [{ x: { a: 1 } }, { x: JSON.parse('{"__proto__": {"b": 1}}') }, {}],
    },
    {
      name: 'class 10: run input named __proto__',
      graph: graph(
        [node('p', 'core/input', 0, 0, { name: '__proto__', type: 'any', required: false, default: 'absent' }), output('o', 'v')],
        [wire('p.value', 'o.value')],
      ),
      inputs: [{}, JSON.parse('{"__proto__": 5}')],
    },
    // Found by the random suite: text sent over HTTP (query parameters, a string body) is UTF-8 with each lone
    // surrogate replaced by U+FFFD, as the engine's fetch does; a string body gets no default Content-Type.
    {
      name: 'fuzz: lone surrogates in HTTP query and body',
      graph: graph(
        [
          input('q', 'q', 'object'),
          input('b', 'b', 'string'),
          node('h', 'core/http_request', 1, 0, { url: `${http}/echo`, method: 'POST' }),
          node('j', 'core/get', 2, 0, { path: 'json' }),
          output('o', 'echo'),
        ],
        [wire('q.value', 'h.query'), wire('b.value', 'h.body'), wire('h.response', 'j.value'), wire('j.value', 'o.value')],
      ),
      inputs: [{ q: { '\ude00k': 'a\ud83d', ok: '😀\ude00\ud83d' }, b: 'x\ud83d\ud83dy😀' }],
    },
    // Found by `--runs 20000 --seed 31`: javac refused a Java literal with `\\` between a high surrogate's \u escape
    // and another \u escape (the whole batch failed to compile); backslashes are now emitted as octal.
    transformCase(
      'fuzz: backslash between a lone high surrogate and a non-ASCII character in a literal',
      '["\\ud83d\\\\\\u00a0", value + "\\udbff\\\\\\\\\\u00e9"]',
      ['\\'],
    ),
  ];
}
