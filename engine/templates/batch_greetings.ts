/** `map` with a sub-graph: each name runs through its own little graph (input → template → output). */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

const perName = graph(
  [
    node('item', 'core/input', 0, 0, { name: 'item', type: 'string' }),
    node('clean', 'core/transform', 1, 0, { expression: 'trim(value)' }),
    node('greeting', 'core/template', 2, 0, { template: 'Hello, {{value}}!' }),
    node('result', 'core/output', 3, 0, { name: 'result' }),
  ],
  [wire('item.value', 'clean.value'), wire('clean.value', 'greeting.value'), wire('greeting.text', 'result.value')],
);

export const batchGreetingsTemplate: TemplateDefinition = {
  id: 'batch_greetings',
  name: 'Batch greetings',
  description: 'Maps a sub-graph over a list of names, two at a time, and counts the results.',
  categories: ['logic', 'map'],
  graph: graph(
    [
      node('names', 'core/input', 0, 0, { name: 'names', type: 'array<string>' }),
      node('greet_each', 'core/map', 1, 0, { mode: 'subgraph', graph: perName, output: 'result', concurrency: 2 }, 'Greet each'),
      node('count', 'core/length', 2, 1),
      node('out_greetings', 'core/output', 3, 0, { name: 'greetings' }),
      node('out_count', 'core/output', 3, 1, { name: 'count' }),
    ],
    [
      wire('names.value', 'greet_each.items'),
      wire('greet_each.items', 'out_greetings.value'),
      wire('greet_each.items', 'count.value'),
      wire('count.length', 'out_count.value'),
    ],
  ),
  sampleInputs: { names: ['Ada', ' Grace ', 'Alan'] },
  expectedOutputs: { greetings: ['Hello, Ada!', 'Hello, Grace!', 'Hello, Alan!'], count: 3 },
};
