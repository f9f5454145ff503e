/** Branching with `condition` + `merge`: refund tickets go to billing, the rest to support; one routed message out. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const ticketTriageTemplate: TemplateDefinition = {
  id: 'ticket_triage',
  name: 'Ticket triage',
  description: 'A condition routes a support ticket to billing or support; a merge joins the two branches.',
  categories: ['logic', 'branching'],
  graph: graph(
    [
      node('ticket', 'core/input', 0, 1, { name: 'ticket', type: 'object' }),
      node('is_refund', 'core/condition', 1, 1, { expression: 'contains(lower(value.subject), "refund")' }, 'Refund?'),
      node('to_billing', 'core/template', 2, 0, { template: '[billing] {{subject}} (customer {{customer}})' }),
      node('to_support', 'core/template', 2, 2, { template: '[support] {{subject}} (customer {{customer}})' }),
      node('route', 'core/merge', 3, 1),
      node('out', 'core/output', 4, 1, { name: 'routed' }),
    ],
    [
      wire('ticket.value', 'is_refund.value'),
      wire('is_refund.true', 'to_billing.values'),
      wire('is_refund.false', 'to_support.values'),
      wire('to_billing.text', 'route.values'),
      wire('to_support.text', 'route.values'),
      wire('route.value', 'out.value'),
    ],
  ),
  sampleInputs: { ticket: { subject: 'Refund for order 1234', customer: 'c-42' } },
  expectedOutputs: { routed: '[billing] Refund for order 1234 (customer c-42)' },
};
