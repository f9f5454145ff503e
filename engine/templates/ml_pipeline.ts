/**
 * The legacy `ml_pipeline` (data_loader → preprocessor → model → evaluator), made real: labelled review records are
 * normalised, classified by a rating rule, and the predictions scored against the labels.
 */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const mlPipelineTemplate: TemplateDefinition = {
  id: 'ml_pipeline',
  name: 'ML pipeline',
  description:
    'Records → normalise (map) → classify (map with a rule) → score (filter + length) → predictions and accuracy. ' +
    'Swap the rule for a classifier node to use a model.',
  categories: ['data', 'ml'],
  graph: graph(
    [
      node('records', 'core/input', 0, 1, { name: 'records', type: 'array<object>' }, 'Load records'),
      node(
        'normalise',
        'core/map',
        1,
        1,
        {
          expression: '{id: item.id, text: lower(trim(item.text)), score: (item.rating - 1) / 4, expected: item.expected}',
        },
        'Normalise',
      ),
      node('classify', 'core/map', 2, 1, { expression: 'merge(item, {label: item.score >= 0.5 ? "positive" : "negative"})' }, 'Classify'),
      node('predictions', 'core/map', 3, 0, { expression: '{id: item.id, label: item.label}' }),
      node('correct', 'core/filter', 3, 1, { expression: 'item.label == item.expected' }),
      node('correct_count', 'core/length', 4, 1),
      node('total_count', 'core/length', 4, 2),
      node('counts', 'core/object', 5, 1, { keys: ['correct', 'total'] }),
      node('score', 'core/transform', 6, 1, { expression: 'value.correct / value.total' }, 'Accuracy'),
      node('out_predictions', 'core/output', 7, 0, { name: 'predictions' }),
      node('out_accuracy', 'core/output', 7, 1, { name: 'accuracy' }),
    ],
    [
      wire('records.value', 'normalise.items'),
      wire('normalise.items', 'classify.items'),
      wire('classify.items', 'predictions.items'),
      wire('classify.items', 'correct.items'),
      wire('classify.items', 'total_count.value'),
      wire('correct.items', 'correct_count.value'),
      wire('correct_count.length', 'counts.values'),
      wire('total_count.length', 'counts.values'),
      wire('counts.value', 'score.value'),
      wire('predictions.items', 'out_predictions.value'),
      wire('score.value', 'out_accuracy.value'),
    ],
  ),
  sampleInputs: {
    records: [
      { id: 'r1', text: '  Loved it, works GREAT ', rating: 5, expected: 'positive' },
      { id: 'r2', text: 'Broke after a day', rating: 1, expected: 'negative' },
      { id: 'r3', text: 'It is okay I guess', rating: 3, expected: 'negative' },
      { id: 'r4', text: 'Pretty good value', rating: 4, expected: 'positive' },
    ],
  },
  expectedOutputs: {
    predictions: [
      { id: 'r1', label: 'positive' },
      { id: 'r2', label: 'negative' },
      { id: 'r3', label: 'positive' },
      { id: 'r4', label: 'positive' },
    ],
    accuracy: 0.75,
  },
};
