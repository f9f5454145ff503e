/** An `embedder` node: vectors for a list of texts, and their dimension. */
import { graph, node, wire, withRetries } from './build';
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
      withRetries(node('embed', 'core/embedder', 1, 0)),
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
  // The fake OpenAI server's documented embeddings: 8 numbers from each text's SHA-256, L2-normalised.
  expectedOutputs: {
    embeddings: [
      [
        -0.1457857581484737, 0.4494440845158497, 0.3826629404332555, -0.40320748066603174, 0.36895139584330944, -0.2907060035155222, -0.34609882152673277,
        -0.3568190324685953,
      ],
      [
        -0.2531128144447413, -0.39762406753937135, 0.24608700519037893, 0.0394225963717, 0.09976189937975335, -0.5039755331152097, -0.6635027314789672,
        -0.10740763298008889,
      ],
    ],
    dimension: 8,
  },
};
