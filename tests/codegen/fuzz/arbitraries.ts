/**
 * fast-check arbitraries for the random differential suite: JSON run inputs full of edge cases (lone surrogates,
 * astral characters, ECMAScript-vs-host whitespace, every number class, integer-like and prototype-named keys, deep
 * and wide structures), typed random expressions (SPEC.md grammar and function table) and random well-typed
 * workflows over the component catalogue (branches, merges, map sub-graphs, error routes).
 */
import fc from 'fast-check';
import type { Connection, NodeInstance, NodeSettings, WorkflowGraph } from '../../../engine/model/types';
import { graph, node, wire } from '../../../engine/templates/build';

// ---- values ----

const TRICKY_CHARS = [
  '\ud83d',
  '\ude00',
  '😀',
  '𝒳',
  'é',
  'ß',
  'İ',
  'ς',
  'Σ',
  '\u0000',
  '\u001f',
  '\x1c',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u3000',
  '\u180e',
  ' ',
  '\t',
  '\n',
  ',',
  '.',
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  '$&',
  'a',
  'b',
  'A',
  '0',
  '1',
  '-',
  '_',
];
const char = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
export const text = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));

const SPECIAL_NUMBERS = [
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  -2.5,
  2.5,
  0.1,
  0.2,
  0.30000000000000004,
  7,
  10,
  100,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53 - 1),
  2 ** 31,
  2 ** 32,
  1e21,
  1e20,
  1e-7,
  1e-6,
  123456789012,
  5e-324,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  1.7976931348623157e308,
  -1.5e300,
  4294967295,
];
export const number = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '0',
  '1',
  '10',
  '01',
  '-1',
  '4294967295',
  'a',
  'b',
  'n',
  's',
  'items',
  'value',
  '',
  'é',
  '😀',
  '\ud83d',
];
export const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: text });

/** A JSON object built with own data properties (a `__proto__` key stays a key). */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('json'), { maxLength: 5 }),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map(objectOf),
  ),
}));

/** Occasionally very deep (past the 1,000 limit of toJson/parseJson) or wide. */
export const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: json },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 990, max: 1100 }), json).map(([depth, leaf]) => nest(depth, leaf)) },
  { weight: 1, arbitrary: fc.array(number, { minLength: 50, maxLength: 300 }) },
);

function nest(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 3 === 2 ? objectOf([['k', v]]) : [v];
  return v;
}

/** Run inputs `x` and `y`; either may be absent. */
export const runInputs = fc.record({ x: value, y: value }, { requiredKeys: [] });

// ---- expressions (source text) ----

type T = 'num' | 'str' | 'bool' | 'arr' | 'obj' | 'any';
export type Scope = 'value' | 'item' | 'acc';

/** An expression literal for `s`: every non-printable or non-ASCII code unit as \uXXXX (SPEC §1). */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) out += `\\${s[i]}`;
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

export function numberLiteral(n: number): string {
  const text = String(Math.abs(n));
  return n < 0 || Object.is(n, -0) ? `(-${text})` : text;
}

const call = (name: string, ...args: fc.Arbitrary<string>[]) => fc.tuple(...args).map((a) => `${name}(${a.join(', ')})`);
const bin = (op: string, l: fc.Arbitrary<string>, r: fc.Arbitrary<string>) => fc.tuple(l, r).map(([a, b]) => `(${a} ${op} ${b})`);

function variables(scope: Scope): string[] {
  const base = ['value', 'value.a', 'value.n', 'value.s', 'value.items', 'value[0]', 'value["__proto__"]', 'value["0"]', 'inputs.value', 'config.expression'];
  if (scope === 'value') return base;
  const item = ['item', 'index', 'item.a', 'item[0]', 'item.n'];
  return scope === 'acc' ? [...base, ...item, 'acc', 'acc.n'] : [...base, ...item];
}

/** Typed expression arbitraries by depth (memoised: arbitraries of depth d only use depth d − 1). */
export function expression(scope: Scope, maxDepth = 3): fc.Arbitrary<string> {
  const memo = new Map<string, fc.Arbitrary<string>>();
  const vars = fc.constantFrom(...variables(scope));
  const smallInt = fc.integer({ min: -3, max: 6 }).map(numberLiteral);
  const bigInt = fc.constantFrom(9007199254740990, 2147483648, -2147483650, 1e16, 1e300).map(numberLiteral);
  const leaf = (t: T): fc.Arbitrary<string> => {
    switch (t) {
      case 'num':
        return fc.oneof(number.map(numberLiteral), vars);
      case 'str':
        return fc.oneof(text.map(quote), vars);
      case 'bool':
        return fc.oneof(fc.constantFrom('true', 'false'), vars);
      case 'arr':
        return fc.oneof(
          fc.array(number.map(numberLiteral), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
          fc.array(text.map(quote), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
          vars,
        );
      case 'obj':
        return fc.oneof(
          fc
            .uniqueArray(fc.tuple(key, number), { maxLength: 3, selector: ([k]) => k })
            .map((es) => `{${es.map(([k, v]) => `${quote(k)}: ${numberLiteral(v)}`).join(', ')}}`),
          vars,
        );
      case 'any':
        return fc.oneof(vars, fc.constant('null'), number.map(numberLiteral), text.map(quote));
    }
  };
  const at = (t: T, d: number): fc.Arbitrary<string> => {
    if (d <= 0) return leaf(t);
    const id = `${t}${d}`;
    const cached = memo.get(id);
    if (cached) return cached;
    const e = (u: T) => at(u, d - 1);
    const common = [
      leaf(t),
      fc.tuple(e('bool'), e(t), e(t)).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
      bin('??', e('any'), e(t)),
      bin('||', e(t), e(t)),
      bin('&&', e(t), e(t)),
    ];
    const forType: Record<T, fc.Arbitrary<string>[]> = {
      num: [
        bin('+', e('num'), e('num')),
        bin('-', e('num'), e('num')),
        bin('*', e('num'), e('num')),
        bin('/', e('num'), e('num')),
        bin('%', e('num'), e('num')),
        e('num').map((a) => `(-${a})`),
        call('len', fc.oneof(e('str'), e('arr'), e('obj'))),
        call('indexOf', e('str'), e('str')),
        call('indexOf', e('arr'), e('any')),
        call('abs', e('num')),
        call('floor', e('num')),
        call('ceil', e('num')),
        call('round', e('num')),
        call('min', e('num'), e('num')),
        call('max', e('arr')),
        call('sum', e('arr')),
        call('avg', e('arr')),
        call('number', fc.oneof(e('str'), e('bool'), e('num'))),
      ],
      str: [
        bin('+', e('str'), e('any')),
        bin('+', e('any'), e('str')),
        call('upper', e('str')),
        call('lower', e('str')),
        call('trim', e('str')),
        call('replace', e('str'), e('str'), e('str')),
        call('slice', e('str'), smallInt),
        call('slice', e('str'), fc.oneof(smallInt, bigInt), smallInt),
        call('join', e('arr'), e('str')),
        call('join', e('arr')),
        call('string', e('any')),
        call('toJson', e('any')),
        call('typeOf', e('any')),
        call('first', e('arr')),
        call('default', e('any'), e('str')),
      ],
      bool: [
        bin('==', e('any'), e('any')),
        bin('!=', e('any'), e('any')),
        bin('<', e('num'), e('num')),
        bin('>=', e('str'), e('str')),
        e('any').map((a) => `(!${a})`),
        call('contains', e('str'), e('str')),
        call('contains', e('arr'), e('any')),
        call('startsWith', e('str'), e('str')),
        call('endsWith', e('str'), e('str')),
        call('has', e('any'), e('str')),
        call('has', e('arr'), smallInt),
        call('isNull', e('any')),
        call('boolean', e('any')),
      ],
      arr: [
        fc.array(e('any'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
        call('split', e('str'), e('str')),
        call('range', smallInt),
        call('range', fc.oneof(smallInt, bigInt), fc.oneof(smallInt, bigInt)),
        call('slice', e('arr'), smallInt, smallInt),
        call('reverse', e('arr')),
        call('flatten', e('arr')),
        call('concat', e('arr'), e('arr')),
        call('unique', e('arr')),
        call('sort', e('arr')),
        call('keys', e('obj')),
        call('values', e('obj')),
      ],
      obj: [
        fc.uniqueArray(fc.tuple(key, e('any')), { maxLength: 3, selector: ([k]) => k }).map((es) => `{${es.map(([k, v]) => `${quote(k)}: ${v}`).join(', ')}}`),
        call('merge', e('obj'), e('obj')),
        call(
          'pick',
          e('obj'),
          fc.array(key.map(quote), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
        ),
        call(
          'omit',
          e('obj'),
          fc.array(key.map(quote), { maxLength: 2 }).map((a) => `[${a.join(', ')}]`),
        ),
        call('parseJson', e('str')),
      ],
      any: [
        e('num'),
        e('str'),
        e('bool'),
        e('arr'),
        e('obj'),
        fc.tuple(e('any'), key).map(([o, k]) => `(${o})[${quote(k)}]`),
        fc.tuple(e('arr'), smallInt).map(([o, i]) => `(${o})[${i}]`),
        call('last', e('arr')),
        call('parseJson', call('toJson', e('any'))),
      ],
    };
    const arb = fc.oneof({ depthSize: 'small' }, ...common, ...forType[t]);
    memo.set(id, arb);
    return arb;
  };
  return fc.constantFrom<T>('num', 'str', 'bool', 'arr', 'obj', 'any').chain((t) => at(t, maxDepth));
}

// ---- workflows ----

export interface FuzzEnv {
  httpBaseUrl: string;
}

type StepKind =
  | 'transform'
  | 'condition'
  | 'switch'
  | 'filter'
  | 'map'
  | 'map_subgraph'
  | 'reduce'
  | 'template'
  | 'object'
  | 'get'
  | 'set'
  | 'split'
  | 'join'
  | 'json_parse'
  | 'length'
  | 'merge'
  | 'constant'
  | 'delay'
  | 'llm'
  | 'classifier'
  | 'embedder'
  | 'http_request';
const KINDS: StepKind[] = [
  'transform',
  'transform',
  'transform',
  'condition',
  'switch',
  'filter',
  'map',
  'map_subgraph',
  'reduce',
  'template',
  'object',
  'get',
  'set',
  'split',
  'join',
  'json_parse',
  'length',
  'merge',
  'constant',
  'delay',
  'llm',
  'classifier',
  'embedder',
  'http_request',
];

interface Step {
  kind: StepKind;
  sources: number[];
  exprs: string[];
  itemExpr: string;
  accExpr: string;
  texts: string[];
  literal: unknown;
  onError: 'fail' | 'continue' | 'route';
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...KINDS),
  sources: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  exprs: fc.array(expression('value'), { minLength: 2, maxLength: 2 }),
  itemExpr: expression('item', 2),
  accExpr: expression('acc', 2),
  texts: fc.array(fc.oneof(text, fc.constantFrom('a', 'value', 'a.b', 'items[0]', '__proto__', 'n', '0', ',', '\n')), { minLength: 2, maxLength: 2 }),
  literal: json,
  onError: fc.constantFrom<'fail' | 'continue' | 'route'>('fail', 'fail', 'fail', 'continue', 'route'),
});

export const workflowSpec = fc.array(stepArb, { minLength: 1, maxLength: 6 });
export type WorkflowSpec = Step[];

/**
 * Turns a spec into a graph: inputs `x`, `y` (optional), then each step reads earlier producers (picked by
 * `sources`), and every output port of every step is published (error routes through `get code`: messages differ
 * by host and are not compared).
 */
export function buildWorkflow(spec: WorkflowSpec, env: FuzzEnv): WorkflowGraph {
  const nodes: NodeInstance[] = [
    node('x', 'core/input', 0, 0, { name: 'x', type: 'any', required: false }),
    node('y', 'core/input', 0, 1, { name: 'y', type: 'any', required: false }),
  ];
  const wires: Connection[] = [];
  const producers = ['x.value', 'y.value'];
  const pick = (step: Step, i: number) => producers[step.sources[i] % producers.length];
  let outputs = 0;
  const publish = (port: string) => {
    const id = `o${outputs++}`;
    nodes.push(node(id, 'core/output', 9, outputs, { name: `out${outputs - 1}` }));
    wires.push(wire(port, `${id}.value`));
  };
  spec.forEach((step, n) => {
    const id = `s${n}`;
    const add = (componentId: string, config: Record<string, unknown>, ins: string[], outs: string[], via?: string) => {
      // Only the last step may fail the run: with two failing nodes, which failure a run reports depends on timing
      // (the engine reports the first in time); every other failure is compared per node, through its error route.
      const onError = step.onError === 'fail' && n < spec.length - 1 ? 'route' : step.onError;
      const settings: NodeSettings =
        onError === 'fail'
          ? {}
          : onError === 'continue'
            ? { onError: 'continue', defaultOutputs: Object.fromEntries(outs.map((o) => [o, step.literal])) }
            : { onError: 'route' };
      nodes.push({ ...node(id, componentId, n + 1, 0, config), settings });
      ins.forEach((port, i) => wires.push(wire(pick(step, i), `${id}.${port}`)));
      for (const out of outs) {
        if (via === undefined) {
          producers.push(`${id}.${out}`);
          publish(`${id}.${out}`);
        } else {
          // Only a part of the value is comparable (an HTTP response's headers carry the date).
          nodes.push(node(`${id}_${out}`, 'core/get', n + 1, 2, { path: via, default: null }));
          wires.push(wire(`${id}.${out}`, `${id}_${out}.value`));
          producers.push(`${id}_${out}.value`);
          publish(`${id}_${out}.value`);
        }
      }
      if (onError === 'route') {
        nodes.push(node(`${id}_code`, 'core/get', n + 1, 1, { path: 'code' }));
        wires.push(wire(`${id}.error`, `${id}_code.value`));
        publish(`${id}_code.value`);
      }
    };
    const [e0, e1] = step.exprs;
    const [t0, t1] = step.texts;
    switch (step.kind) {
      case 'transform':
        return add('core/transform', { expression: e0 }, ['value'], ['value']);
      case 'condition':
        return add('core/condition', { expression: `boolean(${e0})` }, ['value'], ['true', 'false']);
      case 'switch':
        return add(
          'core/switch',
          {
            cases: [
              { name: 'p', expression: `boolean(${e0})` },
              { name: 'q', expression: `boolean(${e1})` },
            ],
            defaultPort: 'other',
          },
          ['value'],
          ['p', 'q', 'other'],
        );
      case 'filter':
        return add('core/filter', { expression: `boolean(${step.itemExpr})` }, ['items'], ['items']);
      case 'map':
        return add('core/map', { mode: 'expression', expression: step.itemExpr }, ['items'], ['items']);
      case 'map_subgraph': {
        const sub = graph(
          [
            node('item', 'core/input', 0, 0, { name: 'item' }),
            node('index', 'core/input', 0, 1, { name: 'index', type: 'number' }),
            node('t', 'core/transform', 1, 0, { expression: step.itemExpr.replace(/\bitem\b/g, 'value') }),
            node('r', 'core/output', 2, 0, { name: 'result' }),
          ],
          [wire('item.value', 't.value'), wire('t.value', 'r.value')],
        );
        return add('core/map', { mode: 'subgraph', graph: sub, concurrency: 2 }, ['items'], ['items']);
      }
      case 'reduce':
        return add('core/reduce', { expression: step.accExpr, initial: step.literal }, ['items'], ['value']);
      case 'template':
        return add(
          'core/template',
          { template: `<{{value}}|${t0.replace(/[{}]/g, '')}|{{ ${/^[\w.[\]]+$/.test(t1) ? t1 : 'a'} }}>` },
          ['values', 'value'],
          ['text'],
        );
      case 'object':
        return add('core/object', { keys: [t0 || 'k', t1 === t0 || !t1 ? `${t0}_2` : t1] }, ['values', 'values'], ['value']);
      case 'get':
        return add('core/get', { path: /^[\w.[\]$-]+$/.test(t0) ? t0 : 'a', ...(t1.length % 2 ? { default: step.literal } : {}) }, ['value'], ['value']);
      case 'set':
        return add('core/set', { path: /^[\w.[\]$-]+$/.test(t0) ? t0 : 'a.b' }, ['object', 'value'], ['value']);
      case 'split':
        return add('core/split', { separator: t0, trim: t1.length % 2 === 0, removeEmpty: t1.length % 3 === 0 }, ['text'], ['items']);
      case 'join':
        return add('core/join', { separator: t0 }, ['items'], ['text']);
      case 'json_parse':
        return add('core/json_parse', { allowCodeFence: true }, ['text'], ['value']);
      case 'length':
        return add('core/length', {}, ['value'], ['length']);
      case 'merge':
        return add('core/merge', {}, ['values', 'values'], ['value']);
      case 'constant':
        return add('core/constant', { value: step.literal }, [], ['value']);
      case 'delay':
        return add('core/delay', { ms: 1 }, ['value'], ['value']);
      case 'llm':
        return add('core/llm', { json: t0.length % 2 === 0 }, ['prompt'], ['text', 'json']);
      case 'classifier':
        return add('core/classifier', { labels: ['billing', 'bug', 'other'] }, ['text'], ['label']);
      case 'embedder':
        return add('core/embedder', {}, ['text'], ['embedding', 'embeddings']);
      case 'http_request': {
        // The query comes from a small literal: a deep run input would make a URL longer than servers accept, and
        // how a client reports a refused request line is not the engine's semantics.
        nodes.push(node(`${id}_query`, 'core/constant', n + 1, 3, { value: step.literal }));
        wires.push(wire(`${id}_query.value`, `${id}.query`));
        return add('core/http_request', { url: `${env.httpBaseUrl}/echo`, method: 'POST', failOnErrorStatus: false }, ['body'], ['response'], 'json');
      }
    }
  });
  return graph(nodes, wires);
}
