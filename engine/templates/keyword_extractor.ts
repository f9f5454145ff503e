/** Text processing with `split` → `filter` → `map` → `join`: the long words of a sentence. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const keywordExtractorTemplate: TemplateDefinition = {
  id: 'keyword_extractor',
  name: 'Keyword extractor',
  description: 'Splits text into words, keeps those longer than four letters, lower-cases them and joins them.',
  categories: ['data', 'text'],
  graph: graph(
    [
      node('text', 'core/input', 0, 0, { name: 'text', type: 'string' }),
      node('words', 'core/split', 1, 0, { separator: ' ', trim: true, removeEmpty: true }),
      node('long_words', 'core/filter', 2, 0, { expression: 'len(item) > 4' }),
      node('normalise', 'core/map', 3, 0, { expression: 'lower(replace(item, ",", ""))' }),
      node('keywords', 'core/join', 4, 0, { separator: ', ' }),
      node('count', 'core/length', 4, 1),
      node('out_keywords', 'core/output', 5, 0, { name: 'keywords' }),
      node('out_count', 'core/output', 5, 1, { name: 'count' }),
    ],
    [
      wire('text.value', 'words.text'),
      wire('words.items', 'long_words.items'),
      wire('long_words.items', 'normalise.items'),
      wire('normalise.items', 'keywords.items'),
      wire('normalise.items', 'count.value'),
      wire('keywords.text', 'out_keywords.value'),
      wire('count.length', 'out_count.value'),
    ],
  ),
  sampleInputs: { text: 'Visual builders make Agent workflows easier,  faster and safer to ship' },
  expectedOutputs: { keywords: 'visual, builders, agent, workflows, easier, faster, safer', count: 7 },
};
