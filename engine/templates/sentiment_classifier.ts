/** A `classifier` node choosing a sentiment label, and a `condition` acting on it. */
import { graph, node, wire, withRetries } from './build';
import type { TemplateDefinition } from './types';

export const sentimentClassifierTemplate: TemplateDefinition = {
  id: 'sentiment_classifier',
  name: 'Sentiment classifier',
  description: 'Labels a review positive, negative or neutral with a chat model and flags negative ones for follow-up.',
  categories: ['ai', 'classification'],
  needs: ['llm'],
  graph: graph(
    [
      node('review', 'core/input', 0, 0, { name: 'review', type: 'string' }),
      withRetries(node('classify', 'core/classifier', 1, 0, { labels: ['positive', 'negative', 'neutral'] })),
      node('needs_follow_up', 'core/transform', 2, 1, { expression: 'value == "negative"' }),
      node('out_sentiment', 'core/output', 3, 0, { name: 'sentiment' }),
      node('out_follow_up', 'core/output', 3, 1, { name: 'followUp' }),
    ],
    [
      wire('review.value', 'classify.text'),
      wire('classify.label', 'out_sentiment.value'),
      wire('classify.label', 'needs_follow_up.value'),
      wire('needs_follow_up.value', 'out_follow_up.value'),
    ],
  ),
  sampleInputs: { review: 'A negative experience: the battery died after two days and support never answered.' },
  expectedOutputs: { sentiment: 'negative', followUp: true },
};
