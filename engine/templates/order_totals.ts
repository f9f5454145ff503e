/** Aggregation with `reduce`, `length` and `filter`: totals of an order. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const orderTotalsTemplate: TemplateDefinition = {
  id: 'order_totals',
  name: 'Order totals',
  description: 'Sums price × quantity over the order lines, counts them, and lists the SKUs bought in bulk.',
  categories: ['data', 'aggregate'],
  graph: graph(
    [
      node('lines', 'core/input', 0, 1, { name: 'lines', type: 'array<object>' }),
      node('total', 'core/reduce', 1, 0, { expression: 'acc + item.price * item.qty', initial: 0 }),
      node('line_count', 'core/length', 1, 1),
      node('bulk', 'core/filter', 1, 2, { expression: 'item.qty >= 2' }),
      node('bulk_skus', 'core/map', 2, 2, { expression: 'item.sku' }),
      node('out_total', 'core/output', 3, 0, { name: 'total' }),
      node('out_count', 'core/output', 3, 1, { name: 'lineCount' }),
      node('out_bulk', 'core/output', 3, 2, { name: 'bulkSkus' }),
    ],
    [
      wire('lines.value', 'total.items'),
      wire('lines.value', 'line_count.value'),
      wire('lines.value', 'bulk.items'),
      wire('bulk.items', 'bulk_skus.items'),
      wire('total.value', 'out_total.value'),
      wire('line_count.length', 'out_count.value'),
      wire('bulk_skus.items', 'out_bulk.value'),
    ],
  ),
  sampleInputs: {
    lines: [
      { sku: 'pen', price: 2.5, qty: 4 },
      { sku: 'lamp', price: 10, qty: 1 },
      { sku: 'tape', price: 1.25, qty: 2 },
    ],
  },
  expectedOutputs: { total: 22.5, lineCount: 3, bulkSkus: ['pen', 'tape'] },
};
