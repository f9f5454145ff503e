/**
 * The keys an object value is known to have when it reaches a port, by following the wire back to what built it
 * (`object` keys, a constant, a `transform` object literal, `set`), through nodes that pass their input on.
 * Undefined means "not known statically" (e.g. a run input of type object).
 */
import { parseExpression } from '../../../engine/expressions';
import type { GraphContext } from './graph-context';

const PASS_THROUGH = new Set(['core/condition', 'core/switch', 'core/delay']);

export function knownKeys(ctx: GraphContext, nodeId: string, _port: string, depth = 0): Set<string> | undefined {
  const node = ctx.nodes.get(nodeId);
  if (!node || depth > 50) return undefined;
  const config = node.config ?? {};
  switch (node.componentId) {
    case 'core/object':
      return Array.isArray(config.keys) ? new Set(config.keys.map(String)) : undefined;
    case 'core/constant':
      return config.value && typeof config.value === 'object' && !Array.isArray(config.value) ? new Set(Object.keys(config.value)) : undefined;
    case 'core/transform':
      return literalKeys(config.expression);
    case 'core/set': {
      const wire = ctx.wiresInto(nodeId, 'object')[0];
      const base = wire && knownKeys(ctx, wire.sourceId, wire.sourcePort, depth + 1);
      const root = typeof config.path === 'string' ? config.path.split(/[.[]/)[0] : undefined;
      return base && root ? new Set([...base, root]) : undefined;
    }
    case 'core/merge': {
      const sets = ctx.wiresInto(nodeId, 'values').map((c) => knownKeys(ctx, c.sourceId, c.sourcePort, depth + 1));
      // Only the keys every branch provides are certain.
      if (!sets.length || sets.some((s) => !s)) return undefined;
      return new Set([...sets[0]!].filter((k) => sets.every((s) => s!.has(k))));
    }
  }
  if (PASS_THROUGH.has(node.componentId)) {
    const wire = ctx.wiresInto(nodeId, 'value')[0];
    return wire && knownKeys(ctx, wire.sourceId, wire.sourcePort, depth + 1);
  }
  return undefined;
}

function literalKeys(source: unknown): Set<string> | undefined {
  if (typeof source !== 'string') return undefined;
  try {
    const ast = parseExpression(source);
    return ast.type === 'Object' ? new Set(ast.properties.map((p) => p.key)) : undefined;
  } catch {
    return undefined;
  }
}
