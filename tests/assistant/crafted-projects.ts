/** Small graphs, each with one deliberate fault, keyed by the rule that must find it. */
import type { NodeInstance, WorkflowGraph } from '../../engine/model/types';
import { graph, node, wire, withRetries } from '../../engine/templates/build';

const retrying = (n: NodeInstance) => withRetries(n);
const llmSubgraph = graph(
  [
    node('item', 'core/input', 0, 0, { name: 'item', type: 'string' }),
    retrying(node('ask', 'core/llm', 1, 0)),
    node('result', 'core/output', 2, 0, { name: 'result' }),
  ],
  [wire('item.value', 'ask.prompt'), wire('ask.text', 'result.value')],
);

export const CRAFTED: Record<string, WorkflowGraph> = {
  'network-without-retry': graph(
    [node('q', 'core/input', 0, 0, { name: 'q', type: 'string' }), node('agent', 'core/llm', 1, 0), node('out', 'core/output', 2, 0, { name: 'answer' })],
    [wire('q.value', 'agent.prompt'), wire('agent.text', 'out.value')],
  ),
  'secret-literal': graph(
    [
      retrying(
        node('call', 'core/http_request', 0, 0, {
          url: 'https://api.example.test/v1/items',
          headers: { authorization: 'Bearer sk-live0123456789abcdefghijklmn' },
        }),
      ),
      node('out', 'core/output', 1, 0, { name: 'response' }),
    ],
    [wire('call.response', 'out.value')],
  ),
  'plain-http-url': graph(
    [retrying(node('call', 'core/http_request', 0, 0, { url: 'http://api.example.test/v1/items' })), node('out', 'core/output', 1, 0, { name: 'response' })],
    [wire('call.response', 'out.value')],
  ),
  'template-missing-variable': graph(
    [
      node('a', 'core/input', 0, 0, { name: 'a', type: 'string' }),
      node('vars', 'core/object', 1, 0, { keys: ['a'] }),
      node('text', 'core/template', 2, 0, { template: '{{a}} and {{b.first}}' }),
      node('out', 'core/output', 3, 0, { name: 'text' }),
    ],
    [wire('a.value', 'vars.values'), wire('vars.value', 'text.values'), wire('text.text', 'out.value')],
  ),
  'expression-unknown-variable': graph(
    [
      node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
      node('double', 'core/transform', 1, 0, { expression: 'vaule * 2' }),
      node('out', 'core/output', 2, 0, { name: 'double' }),
    ],
    [wire('n.value', 'double.value'), wire('double.value', 'out.value')],
  ),
  'no-output-node': graph(
    [node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }), node('double', 'core/transform', 1, 0, { expression: 'value * 2' })],
    [wire('n.value', 'double.value')],
  ),
  'unchecked-any': graph(
    [
      node('payload', 'core/input', 0, 0, { name: 'payload', type: 'string' }),
      node('parse', 'core/json_parse', 1, 0),
      node('link', 'core/get', 2, 0, { path: 'url' }),
      retrying(node('fetch', 'core/http_request', 3, 0)),
      node('out', 'core/output', 4, 0, { name: 'response' }),
    ],
    [wire('payload.value', 'parse.text'), wire('parse.value', 'link.value'), wire('link.value', 'fetch.url'), wire('fetch.response', 'out.value')],
  ),
  'json-reply-without-json-mode': graph(
    [
      node('q', 'core/input', 0, 0, { name: 'q', type: 'string' }),
      retrying(node('agent', 'core/llm', 1, 0)),
      node('parse', 'core/json_parse', 2, 0),
      node('out', 'core/output', 3, 0, { name: 'data' }),
    ],
    [wire('q.value', 'agent.prompt'), wire('agent.text', 'parse.text'), wire('parse.value', 'out.value')],
  ),
  'constant-condition': graph(
    [
      node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
      node('always', 'core/condition', 1, 0, { expression: '1 < 2' }),
      node('big', 'core/transform', 2, 0, { expression: 'value * 10' }),
      node('small', 'core/transform', 2, 1, { expression: 'value / 10' }),
      node('pick', 'core/merge', 3, 0),
      node('out', 'core/output', 4, 0, { name: 'scaled' }),
    ],
    [
      wire('n.value', 'always.value'),
      wire('always.true', 'big.value'),
      wire('always.false', 'small.value'),
      wire('big.value', 'pick.values'),
      wire('small.value', 'pick.values'),
      wire('pick.value', 'out.value'),
    ],
  ),
  'unbounded-map': graph(
    [
      node('questions', 'core/input', 0, 0, { name: 'questions', type: 'array<string>' }),
      node('ask_each', 'core/map', 1, 0, { mode: 'subgraph', graph: llmSubgraph, output: 'result', concurrency: 4 }),
      node('out', 'core/output', 2, 0, { name: 'answers' }),
    ],
    [wire('questions.value', 'ask_each.items'), wire('ask_each.items', 'out.value')],
  ),
  'duplicate-model-calls': graph(
    [
      node('q', 'core/input', 0, 0, { name: 'q', type: 'string' }),
      retrying(node('first', 'core/llm', 1, 0, { system: 'Summarise.', maxTokens: 100 })),
      retrying(node('second', 'core/llm', 1, 1, { maxTokens: 100, system: 'Summarise.' })),
      node('upper', 'core/transform', 2, 1, { expression: 'upper(value)' }),
      node('out_a', 'core/output', 3, 0, { name: 'summary' }),
      node('out_b', 'core/output', 3, 1, { name: 'loud' }),
    ],
    [
      wire('q.value', 'first.prompt'),
      wire('q.value', 'second.prompt'),
      wire('first.text', 'out_a.value'),
      wire('second.text', 'upper.value'),
      wire('upper.value', 'out_b.value'),
    ],
  ),
  'costly-classification-model': graph(
    [
      node('t', 'core/input', 0, 0, { name: 't', type: 'string' }),
      retrying(node('label', 'core/classifier', 1, 0, { labels: ['spam', 'ham'], model: 'gpt-4o' })),
      node('out', 'core/output', 2, 0, { name: 'label' }),
    ],
    [wire('t.value', 'label.text'), wire('label.label', 'out.value')],
  ),
  'dead-node': graph(
    [
      node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
      node('double', 'core/transform', 1, 0, { expression: 'value * 2' }),
      node('unused', 'core/transform', 1, 1, { expression: 'value + 1' }),
      node('unused_more', 'core/transform', 2, 1, { expression: 'value + 2' }),
      node('out', 'core/output', 2, 0, { name: 'double' }),
    ],
    [wire('n.value', 'double.value'), wire('double.value', 'out.value'), wire('n.value', 'unused.value'), wire('unused.value', 'unused_more.value')],
  ),
  'disconnected-node': graph(
    [
      node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
      node('out', 'core/output', 1, 0, { name: 'n' }),
      node('leftover', 'core/constant', 0, 2, { value: 42 }),
    ],
    [wire('n.value', 'out.value')],
  ),
  'untyped-input': graph(
    [node('q', 'core/input', 0, 0, { name: 'q' }), retrying(node('agent', 'core/llm', 1, 0)), node('out', 'core/output', 2, 0, { name: 'answer' })],
    [wire('q.value', 'agent.prompt'), wire('agent.text', 'out.value')],
  ),
};

/**
 * Several faults at once, for fix composition: no output, and a constant condition whose never-taken branch is the
 * only end of the graph (a fix that published that end would be deleted by the constant-condition fix).
 */
export const COMBINED: Record<string, WorkflowGraph> = {
  'dead end without output': graph(
    [
      node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
      node('always', 'core/condition', 1, 0, { expression: '1 < 2' }),
      node('small', 'core/transform', 2, 1, { expression: 'value / 10' }),
    ],
    [wire('n.value', 'always.value'), wire('always.false', 'small.value')],
  ),
  'typo, dead branch and no output': graph(
    [
      node('n', 'core/input', 0, 0, { name: 'n', type: 'number' }),
      node('always', 'core/condition', 1, 0, { expression: 'true' }),
      node('big', 'core/transform', 2, 0, { expression: 'vaule * 10' }),
      node('small', 'core/transform', 2, 1, { expression: 'value / 10' }),
    ],
    [wire('n.value', 'always.value'), wire('always.true', 'big.value'), wire('always.false', 'small.value')],
  ),
};
