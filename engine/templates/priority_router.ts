/** Branching with `switch` + `merge`: a score picks one of three handling paths. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const priorityRouterTemplate: TemplateDefinition = {
  id: 'priority_router',
  name: 'Priority router',
  description: 'A switch sends a risk score down the high, medium or low path; only that path runs, and a merge collects it.',
  categories: ['logic', 'branching'],
  graph: graph(
    [
      node('score', 'core/input', 0, 1, { name: 'score', type: 'number' }),
      node('route', 'core/switch', 1, 1, {
        cases: [
          { name: 'high', expression: 'value >= 80' },
          { name: 'medium', expression: 'value >= 50' },
        ],
        defaultPort: 'low',
      }),
      node('page_oncall', 'core/transform', 2, 0, { expression: '{action: "page on-call", score: value}' }),
      node('open_ticket', 'core/transform', 2, 1, { expression: '{action: "open a ticket", score: value}' }),
      node('log_only', 'core/transform', 2, 2, { expression: '{action: "log only", score: value}' }),
      node('decision', 'core/merge', 3, 1),
      node('out', 'core/output', 4, 1, { name: 'decision' }),
    ],
    [
      wire('score.value', 'route.value'),
      wire('route.high', 'page_oncall.value'),
      wire('route.medium', 'open_ticket.value'),
      wire('route.low', 'log_only.value'),
      wire('page_oncall.value', 'decision.values'),
      wire('open_ticket.value', 'decision.values'),
      wire('log_only.value', 'decision.values'),
      wire('decision.value', 'out.value'),
    ],
  ),
  sampleInputs: { score: 65 },
  expectedOutputs: { decision: { action: 'open a ticket', score: 65 } },
};
