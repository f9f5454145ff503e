/**
 * Fidelity corpus, part 2: every component, branching and skip propagation, map with sub-graphs, error policies,
 * retries and timeouts, LLM/HTTP against local fakes, and hostile names and strings.
 */
import type { NodeSettings } from '../../engine/model/types';
import { graph, node, wire } from '../../engine/templates/build';
import type { FidelityCase } from './harness';

const input = (id: string, name: string, type = 'any', extra: Record<string, unknown> = {}) => node(id, 'core/input', 0, 0, { name, type, ...extra });
const output = (id: string, name: string) => node(id, 'core/output', 9, 0, { name });
const withSettings = (n: ReturnType<typeof node>, settings: NodeSettings) => ({ ...n, settings });

const GO_CODE = `if s, ok := inputs["value"].(string); ok {
	if s == "boom" {
		return nil, errors.New("boom")
	}
	return map[string]any{"n": len(s), "first": s[:1], "unit": config["unit"], "half": float64(len(s)) / 2}, nil
}
xs := inputs["value"].([]any)
return map[string]any{"n": len(xs), "first": xs[0], "unit": config["unit"], "half": float64(len(xs)) / 2}, nil`;

const JAVA_CODE = `Object v = inputs.get("value");
if ("boom".equals(v)) throw new IllegalStateException("boom");
if (v instanceof String s) return Map.of("n", s.length(), "first", s.substring(0, 1), "unit", config.get("unit"), "half", s.length() / 2.0);
List<?> xs = (List<?>) v;
return Map.of("n", xs.size(), "first", xs.get(0), "unit", config.get("unit"), "half", xs.size() / 2.0);`;

const HOSTILE = 'q"\'\\ */ """ ${x} `tick` \n\r\t é 😀 \u2028 </script> %s {{no}}';

export function componentCases(http: string): FidelityCase[] {
  return [
    {
      name: 'condition, merge and skips',
      graph: graph(
        [
          input('n', 'n', 'number'),
          node('big', 'core/condition', 1, 0, { expression: 'value > 10' }),
          node('t_big', 'core/transform', 2, 0, { expression: '"big " + value' }),
          node('t_small', 'core/transform', 2, 1, { expression: '"small " + value' }),
          node('join_', 'core/merge', 3, 0),
          node('only_big', 'core/transform', 3, 1, { expression: 'value * 2' }),
          output('o1', 'label'),
          output('o2', 'doubled'),
        ],
        [
          wire('n.value', 'big.value'),
          wire('big.true', 't_big.value'),
          wire('big.false', 't_small.value'),
          wire('t_big.value', 'join_.values'),
          wire('t_small.value', 'join_.values'),
          wire('big.true', 'only_big.value'),
          wire('join_.value', 'o1.value'),
          wire('only_big.value', 'o2.value'),
        ],
      ),
      inputs: [{ n: 50 }, { n: 3 }, { n: 'x' }, {}],
    },
    {
      name: 'condition must be boolean',
      graph: graph(
        [input('v', 'v'), node('c', 'core/condition', 1, 0, { expression: 'value' }), output('o', 'o')],
        [wire('v.value', 'c.value'), wire('c.true', 'o.value')],
      ),
      inputs: [{ v: true }, { v: 1 }, { v: false }],
    },
    {
      name: 'switch',
      graph: graph(
        [
          input('s', 'score', 'number'),
          node('sw', 'core/switch', 1, 0, {
            cases: [
              { name: 'high', expression: 'value >= 80' },
              { name: 'mid', expression: 'value >= 50' },
            ],
            defaultPort: 'low',
          }),
          node('h', 'core/transform', 2, 0, { expression: '"H"' }),
          node('m', 'core/transform', 2, 1, { expression: '"M"' }),
          node('l', 'core/transform', 2, 2, { expression: '"L"' }),
          node('mg', 'core/merge', 3, 0),
          output('o', 'grade'),
          output('oh', 'onlyHigh'),
        ],
        [
          wire('s.value', 'sw.value'),
          wire('sw.high', 'h.value'),
          wire('sw.mid', 'm.value'),
          wire('sw.low', 'l.value'),
          wire('h.value', 'mg.values'),
          wire('m.value', 'mg.values'),
          wire('l.value', 'mg.values'),
          wire('mg.value', 'o.value'),
          wire('h.value', 'oh.value'),
        ],
      ),
      inputs: [{ score: 90 }, { score: 60 }, { score: 10 }],
    },
    {
      name: 'map over a sub-graph',
      graph: graph(
        [
          input('items', 'items', 'array'),
          node('each', 'core/map', 1, 0, {
            mode: 'subgraph',
            output: 'line',
            concurrency: 2,
            graph: graph(
              [
                input('item', 'item'),
                input('index', 'index', 'number'),
                node('obj', 'core/object', 1, 0, { keys: ['name', 'i'] }),
                node('tpl', 'core/template', 2, 0, { template: '{{i}}: {{name}}' }),
                node('up', 'core/transform', 3, 0, { expression: 'upper(value)' }),
                output('line', 'line'),
              ],
              [
                wire('item.value', 'obj.values'),
                wire('index.value', 'obj.values'),
                wire('obj.value', 'tpl.values'),
                wire('tpl.text', 'up.value'),
                wire('up.value', 'line.value'),
              ],
            ),
          }),
          output('o', 'lines'),
        ],
        [wire('items.value', 'each.items'), wire('each.items', 'o.value')],
      ),
      inputs: [{ items: ['ada', 'grace'] }, { items: [] }, { items: ['ok', 5] }, { items: 'nope' }],
    },
    {
      name: 'map without the named output',
      graph: graph(
        [
          input('items', 'items', 'array'),
          node('each', 'core/map', 1, 0, {
            mode: 'subgraph',
            output: 'missing',
            graph: graph([input('item', 'item'), output('r', 'result')], [wire('item.value', 'r.value')]),
          }),
          output('o', 'o'),
        ],
        [wire('items.value', 'each.items'), wire('each.items', 'o.value')],
      ),
      inputs: [{ items: [1] }, { items: [] }],
    },
    {
      name: 'map, filter, reduce, length',
      graph: graph(
        [
          input('xs', 'xs', 'array<number>'),
          node('sq', 'core/map', 1, 0, { expression: 'item * item' }),
          node('f', 'core/filter', 2, 0, { expression: 'item % 2 == 0' }),
          node('r', 'core/reduce', 3, 0, { expression: 'acc + item', initial: 0 }),
          node('n', 'core/length', 3, 1),
          output('o1', 'sum'),
          output('o2', 'count'),
          output('o3', 'squares'),
        ],
        [
          wire('xs.value', 'sq.items'),
          wire('sq.items', 'f.items'),
          wire('f.items', 'r.items'),
          wire('f.items', 'n.value'),
          wire('r.value', 'o1.value'),
          wire('n.length', 'o2.value'),
          wire('sq.items', 'o3.value'),
        ],
      ),
      inputs: [{ xs: [1, 2, 3, 4] }, { xs: [] }, { xs: [1, 'a'] }],
    },
    {
      name: 'filter must be boolean',
      graph: graph(
        [input('xs', 'xs', 'array'), node('f', 'core/filter', 1, 0, { expression: 'item' }), output('o', 'o')],
        [wire('xs.value', 'f.items'), wire('f.items', 'o.value')],
      ),
      inputs: [{ xs: [true, false] }, { xs: [1] }],
    },
    {
      name: 'template, object, get, set',
      graph: graph(
        [
          input('user', 'user', 'object'),
          input('greeting', 'greeting', 'string', { default: 'Hello' }),
          node('vals', 'core/object', 1, 0, { keys: ['user', 'greeting'] }),
          node('tpl', 'core/template', 2, 0, { template: '{{greeting}}, {{ user.name }}! Tags: {{user.tags}} First: {{user.tags[0]}} N: {{user.n}}' }),
          node('name', 'core/get', 2, 1, { path: 'user.name' }),
          node('deep', 'core/get', 2, 2, { path: 'user.tags.1', default: 'none' }),
          node('stamp', 'core/set', 3, 1, { path: 'meta.items[1].ok' }),
          node('yes', 'core/constant', 0, 3, { value: true }),
          output('o1', 'text'),
          output('o2', 'name'),
          output('o3', 'second'),
          output('o4', 'stamped'),
        ],
        [
          wire('user.value', 'vals.values'),
          wire('greeting.value', 'vals.values'),
          wire('vals.value', 'tpl.values'),
          wire('vals.value', 'name.value'),
          wire('vals.value', 'deep.value'),
          wire('user.value', 'stamp.object'),
          wire('yes.value', 'stamp.value'),
          wire('tpl.text', 'o1.value'),
          wire('name.value', 'o2.value'),
          wire('deep.value', 'o3.value'),
          wire('stamp.value', 'o4.value'),
        ],
      ),
      inputs: [
        { user: { name: 'Ada', tags: ['a', 'b'], n: 2.5 } },
        { user: { name: 'Bo', tags: [], n: 1e21 }, greeting: 'Hi' },
        { user: { tags: [] } },
        { user: [] },
      ],
    },
    {
      name: 'template with a missing variable',
      graph: graph(
        [input('v', 'v'), node('tpl', 'core/template', 1, 0, { template: 'A {{value}} B {{missing.x}} {{ other }}' }), output('o', 'o')],
        [wire('v.value', 'tpl.value'), wire('tpl.text', 'o.value')],
      ),
      inputs: [{ v: 'x' }, { v: { a: 1 } }],
    },
    {
      name: 'split, join, length',
      graph: graph(
        [
          input('t', 'text', 'string'),
          node('sp', 'core/split', 1, 0, { separator: ',', trim: true, removeEmpty: true }),
          node('sp2', 'core/split', 1, 1, { separator: '' }),
          node('jn', 'core/join', 2, 0, { separator: ' | ' }),
          node('len', 'core/length', 2, 1),
          output('o1', 'joined'),
          output('o2', 'chars'),
          output('o3', 'len'),
        ],
        [
          wire('t.value', 'sp.text'),
          wire('t.value', 'sp2.text'),
          wire('sp.items', 'jn.items'),
          wire('t.value', 'len.value'),
          wire('jn.text', 'o1.value'),
          wire('sp2.items', 'o2.value'),
          wire('len.length', 'o3.value'),
        ],
      ),
      inputs: [{ text: ' a, b ,,c ' }, { text: '' }, { text: '😀,\u00a0x\u00a0' }, { text: 5 }],
    },
    {
      name: 'join refuses objects',
      graph: graph([input('xs', 'xs', 'array'), node('jn', 'core/join', 1, 0), output('o', 'o')], [wire('xs.value', 'jn.items'), wire('jn.text', 'o.value')]),
      inputs: [{ xs: [1, true, 'a', 2.5] }, { xs: [{ a: 1 }] }, { xs: [null] }],
    },
    {
      name: 'json_parse',
      graph: graph(
        [
          input('t', 'text', 'string'),
          node('p', 'core/json_parse', 1, 0),
          node('strict', 'core/json_parse', 1, 1, { allowCodeFence: false }),
          output('o', 'value'),
          output('o2', 'strict'),
        ],
        [wire('t.value', 'p.text'), wire('t.value', 'strict.text'), wire('p.value', 'o.value'), wire('strict.value', 'o2.value')],
      ),
      inputs: [{ text: '{"a": [1, 2.5, "x"], "n": 10}' }, { text: '```json\n{"fenced": true}\n```' }, { text: '{bad' }, { text: 'NaN' }],
    },
    {
      name: 'inputs: optional, defaults, types, constants',
      graph: graph(
        [
          input('a', 'a', 'number', { required: false }),
          input('b', 'b', 'array<string>', { default: ['d'] }),
          node('k', 'core/constant', 0, 2, { value: { nested: [1, 'two', null] } }),
          node('unused', 'core/constant', 0, 3, { value: 'dropped when optimised' }),
          node('da', 'core/transform', 1, 0, { expression: 'value + 1' }),
          output('o1', 'a1'),
          output('o2', 'b'),
          output('o3', 'k'),
        ],
        [wire('a.value', 'da.value'), wire('da.value', 'o1.value'), wire('b.value', 'o2.value'), wire('k.value', 'o3.value')],
      ),
      inputs: [{}, { a: 1, b: ['x', 'y'] }, { a: 'no' }, { b: [1] }, { a: null }],
    },
    {
      name: 'onError continue and route',
      graph: graph(
        [
          input('v', 'v'),
          withSettings(node('risky', 'core/transform', 1, 0, { expression: 'value.n / value.d' }), { onError: 'continue', defaultOutputs: { value: -1 } }),
          withSettings(node('routed', 'core/get', 1, 1, { path: 'missing.path' }), { onError: 'route' }),
          node('code', 'core/transform', 2, 1, { expression: 'value.code + " @ " + value.nodeId' }),
          node('after', 'core/transform', 2, 2, { expression: '"never"' }),
          output('o1', 'ratio'),
          output('o2', 'error'),
          output('o3', 'after'),
        ],
        [
          wire('v.value', 'risky.value'),
          wire('v.value', 'routed.value'),
          wire('routed.error', 'code.value'),
          wire('routed.value', 'after.value'),
          wire('risky.value', 'o1.value'),
          wire('code.value', 'o2.value'),
          wire('after.value', 'o3.value'),
        ],
      ),
      inputs: [{ v: { n: 1, d: 4 } }, { v: { n: 1, d: 0 } }],
    },
    {
      name: 'retries and timeouts',
      graph: graph(
        [
          input('v', 'v'),
          withSettings(node('failing', 'core/transform', 1, 0, { expression: 'value.x.y + 1' }), { retries: 2, retryBackoffMs: 1 }),
          withSettings(node('slow', 'core/delay', 1, 1, { ms: 300 }), { timeoutMs: 50, onError: 'continue', defaultOutputs: { value: 'timed out' } }),
          withSettings(node('fast', 'core/delay', 1, 2, { ms: 5 }), { timeoutMs: 2000 }),
          output('o1', 'failing'),
          output('o2', 'slow'),
          output('o3', 'fast'),
        ],
        [
          wire('v.value', 'failing.value'),
          wire('v.value', 'slow.value'),
          wire('v.value', 'fast.value'),
          wire('failing.value', 'o1.value'),
          wire('slow.value', 'o2.value'),
          wire('fast.value', 'o3.value'),
        ],
      ),
      inputs: [{ v: { x: { y: 1 } } }, { v: { x: null } }],
    },
    {
      name: 'timeout fails the run',
      graph: graph([withSettings(node('slow', 'core/delay', 1, 1, { ms: 300 }), { timeoutMs: 30 }), output('o', 'o')], [wire('slow.value', 'o.value')]),
      inputs: [{}],
    },
    {
      name: 'code node',
      graph: graph(
        [
          input('v', 'v'),
          node('c', 'core/code', 1, 0, {
            code: 'if (inputs.value === "boom") throw new Error("boom");\nconst xs = inputs.value;\nreturn { n: xs.length, first: xs[0], unit: config.unit, half: xs.length / 2 };',
            python:
              'if inputs["value"] == "boom":\n    raise ValueError("boom")\nxs = inputs["value"]\nreturn {"n": len(xs), "first": xs[0], "unit": config["unit"], "half": len(xs) / 2}',
            go: GO_CODE,
            java: JAVA_CODE,
            params: { unit: 'kg' },
          }),
          output('o', 'o'),
        ],
        [wire('v.value', 'c.value'), wire('c.value', 'o.value')],
      ),
      inputs: [{ v: [3, 'a'] }, { v: 'abc' }, { v: 'boom' }],
    },
    {
      name: 'llm chat and json mode',
      graph: graph(
        [
          input('q', 'q', 'string'),
          node('tpl', 'core/template', 1, 0, { template: 'Q: {{value}}' }),
          node('chat', 'core/llm', 2, 0, { system: 'Be brief.' }),
          node('js', 'core/llm', 2, 1, { json: true }),
          output('o1', 'text'),
          output('o2', 'json'),
        ],
        [
          wire('q.value', 'tpl.value'),
          wire('tpl.text', 'chat.prompt'),
          wire('q.value', 'js.prompt'),
          wire('chat.text', 'o1.value'),
          wire('js.json', 'o2.value'),
        ],
      ),
      inputs: [{ q: 'What is 2+2?' }, { q: 'é "quoted" 😀' }],
    },
    {
      name: 'classifier and embedder',
      graph: graph(
        [
          input('t', 't', 'string'),
          input('many', 'many', 'array<string>'),
          node('cls', 'core/classifier', 1, 0, { labels: ['billing', 'bug', 'other'] }),
          node('one', 'core/embedder', 1, 1),
          node('all', 'core/embedder', 1, 2),
          output('o1', 'label'),
          output('o2', 'one'),
          output('o3', 'all'),
        ],
        [
          wire('t.value', 'cls.text'),
          wire('t.value', 'one.text'),
          wire('many.value', 'all.text'),
          wire('cls.label', 'o1.value'),
          wire('one.embedding', 'o2.value'),
          wire('all.embeddings', 'o3.value'),
        ],
      ),
      inputs: [
        { t: 'There is a BUG in checkout', many: ['a', 'b'] },
        { t: 'hello', many: [] },
      ],
    },
    {
      name: 'http requests',
      graph: graph(
        [
          input('id', 'id', 'number'),
          node('url', 'core/template', 1, 0, { template: `${http}/users/{{value}}` }),
          node('get', 'core/http_request', 2, 0, { headers: { accept: 'application/json' } }),
          node('name', 'core/get', 3, 0, { path: 'json.name' }),
          node('st', 'core/get', 3, 1, { path: 'status' }),
          node('body', 'core/constant', 0, 2, { value: { hello: 'wörld', n: 1 } }),
          node('q', 'core/constant', 0, 3, { value: { a: 'x y', b: 2 } }),
          node('post', 'core/http_request', 2, 2, { url: `${http}/echo`, method: 'POST', failOnErrorStatus: false }),
          node('echo', 'core/get', 3, 2, { path: 'json' }),
          node('soft', 'core/http_request', 2, 3, { failOnErrorStatus: false }),
          node('soft_status', 'core/get', 3, 3, { path: 'status' }),
          node('soft_url', 'core/template', 1, 3, { template: `${http}/users/999` }),
          output('o1', 'name'),
          output('o2', 'status'),
          output('o3', 'echo'),
          output('o4', 'soft'),
        ],
        [
          wire('id.value', 'url.value'),
          wire('url.text', 'get.url'),
          wire('get.response', 'name.value'),
          wire('get.response', 'st.value'),
          wire('body.value', 'post.body'),
          wire('q.value', 'post.query'),
          wire('post.response', 'echo.value'),
          wire('id.value', 'soft_url.value'),
          wire('soft_url.text', 'soft.url'),
          wire('soft.response', 'soft_status.value'),
          wire('name.value', 'o1.value'),
          wire('st.value', 'o2.value'),
          wire('echo.value', 'o3.value'),
          wire('soft_status.value', 'o4.value'),
        ],
      ),
      inputs: [{ id: 1 }, { id: 3 }, { id: 42 }],
    },
    {
      name: 'hostile names and strings',
      graph: graph(
        [
          node('in"put\n*/', 'core/input', 0, 0, { name: 'x_1', type: 'any' }),
          node('class', 'core/constant', 0, 1, { value: { [HOSTILE]: HOSTILE, list: [HOSTILE] } }),
          node('${x}`', 'core/transform', 1, 0, { expression: `value + ${JSON.stringify(HOSTILE)}` }),
          node('def', 'core/template', 1, 1, { template: `${HOSTILE.replace('{{no}}', '')}{{value}}` }),
          node('"""', 'core/output', 2, 0, { name: 'out"\n*/' }),
          node('import', 'core/output', 2, 1, { name: 'return' }),
          node('ü😀', 'core/output', 2, 2, { name: 'const' }),
          node('ü_😀', 'core/output', 2, 3, { name: 'ü_😀' }),
        ],
        [
          wire('in"put\n*/.value', '${x}`.value'),
          wire('in"put\n*/.value', 'def.value'),
          wire('${x}`.value', '""".value'),
          wire('class.value', 'import.value'),
          wire('def.text', 'ü😀.value'),
          wire('class.value', 'ü_😀.value'),
        ],
      ),
      inputs: [{ x_1: 'hi ' }, { x_1: HOSTILE }],
    },
  ];
}
