/**
 * A value of unknown type (`any`: a parsed JSON field, a model's JSON reply, user code's result) wired into a typed
 * port is only checked when it arrives: the run fails there. Convert it, or guard it with a type test.
 */
import type { GraphEdit } from '../../../engine/model/edits';
import type { Connection } from '../../../engine/model/types';
import { arrayItemType } from '../../../engine/model/ports';
import type { GraphContext } from '../analysis/graph-context';
import type { Rule } from './types';
import { insertOnWire, newNode } from './patch-helpers';

/** Conversions whose result type the type flow knows (string(), number(), boolean()). */
const CONVERSIONS: Record<string, string> = { string: 'string(value)', number: 'number(value)', boolean: 'boolean(value)' };

function fix(ctx: GraphContext, c: Connection, targetType: string): GraphEdit[] {
  const taken = new Set<string>();
  const target = ctx.nodes.get(c.targetId)!;
  const conversion = CONVERSIONS[targetType];
  if (conversion) {
    const convert = newNode(ctx, taken, `${c.targetId}_${c.targetPort}_as_${targetType}`, 'core/transform', { expression: conversion }, target, {
      x: -130,
      y: 90,
    });
    return insertOnWire(ctx, c, convert, 'value', 'value', taken);
  }
  // Objects and arrays cannot be converted meaningfully: only let the right kind through.
  const kind = arrayItemType(targetType) !== undefined ? 'array' : targetType;
  const guard = newNode(ctx, taken, `${c.targetId}_${c.targetPort}_is_${kind}`, 'core/condition', { expression: `typeOf(value) == "${kind}"` }, target, {
    x: -130,
    y: 90,
  });
  return insertOnWire(ctx, c, guard, 'value', 'true', taken);
}

export const uncheckedAnyRule: Rule = {
  id: 'unchecked-any',
  kind: 'ERROR_HANDLING',
  severity: 'MEDIUM',
  title: 'Untyped value into a typed port',
  autoFix: true,
  bestPractices: [
    'Give run inputs a type, and convert (string(), number()) or test (typeOf(value) == "object") values whose type is only known at run time.',
    'Ask models for JSON and check the shape of the reply before using it.',
  ],
  check(ctx) {
    return ctx.graph.connections.flatMap((c) => {
      const target = ctx.nodes.get(c.targetId);
      const port = target && ctx.inputPort(target, c.targetPort);
      if (!port || port.type === 'any' || !ctx.nodes.has(c.sourceId) || ctx.outputType(c.sourceId, c.sourcePort) !== 'any') return [];
      return [
        {
          nodeIds: [c.sourceId, c.targetId],
          key: c.id,
          message: `${c.sourceId}.${c.sourcePort} has no known type but feeds ${c.targetId}.${c.targetPort} (${port.type}): a value of the wrong type fails the run there. ${CONVERSIONS[port.type] ? `Convert it with ${CONVERSIONS[port.type]}.` : `Let only ${port.type} values through with a type test.`}`,
          patch: fix(ctx, c, port.type),
        },
      ];
    });
  },
};
