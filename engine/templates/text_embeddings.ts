/** An `embedder` node: vectors for a list of texts, and their dimension. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const textEmbeddingsTemplate: TemplateDefinition = {
  id: 'text_embeddings',
  name: 'Text embeddings',
  description: 'Embeds a list of texts with the configured embedding model and reports the vector dimension.',
  categories: ['ai', 'embeddings'],
  needs: ['llm'],
  graph: graph(
    [
      node('texts', 'core/input', 0, 0, { name: 'texts', type: 'array<string>' }),
      node('embed', 'core/embedder', 1, 0),
      node('dimension', 'core/transform', 2, 1, { expression: 'len(first(value))' }),
      node('out_embeddings', 'core/output', 3, 0, { name: 'embeddings' }),
      node('out_dimension', 'core/output', 3, 1, { name: 'dimension' }),
    ],
    [
      wire('texts.value', 'embed.text'),
      wire('embed.embeddings', 'out_embeddings.value'),
      wire('embed.embeddings', 'dimension.value'),
      wire('dimension.value', 'out_dimension.value'),
    ],
  ),
  sampleInputs: { texts: ['workflow', 'agent'] },
  expectedOutputs: { embeddings: 'TODO', dimension: 'TODO' },
};
