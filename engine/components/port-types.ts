/**
 * Run-time type checks of values against port types (`any`, JSON kinds, `array<T>`). The model validator checks
 * connections statically; these checks catch what only run time can (an `any` flowing into a typed port, run inputs).
 */
import type { PortType } from '../model/types';
import type { RunContext } from './types';
import { ComponentError } from './errors';

/** A human name for a value's JSON kind, used in error messages ("got number"). */
export function describeValueKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Null when `value` fits `type`; otherwise why not (naming the first offending array element). */
export function typeMismatch(value: unknown, type: PortType | string): string | null {
  if (type === 'any') return value === undefined ? 'expected a value, got undefined' : null;
  const element = /^array<(.+)>$/.exec(type);
  if (element) {
    if (!Array.isArray(value)) return `expected ${type}, got ${describeValueKind(value)}`;
    for (let index = 0; index < value.length; index++) {
      const inner = typeMismatch(value[index], element[1]);
      if (inner) return `expected ${type}, element ${index}: ${inner}`;
    }
    return null;
  }
  const kind = describeValueKind(value);
  const fits = type === 'number' ? kind === 'number' && Number.isFinite(value as number) : kind === type;
  return fits ? null : `expected ${type}, got ${kind}`;
}

export function isPortType(type: string): type is PortType {
  if (['any', 'string', 'number', 'boolean', 'object', 'array'].includes(type)) return true;
  const element = /^array<(.+)>$/.exec(type);
  return element !== null && isPortType(element[1]);
}

/**
 * Reads input `port` and checks it against `type`. Absent optional inputs come back `undefined`;
 * absent required ones and mistyped ones throw a ComponentError naming the node and the port.
 */
export function readInput<T = unknown>(ctx: RunContext<any>, port: string, type: PortType, required = true): T {
  const value = ctx.inputs[port];
  if (value === undefined) {
    if (required) throw new ComponentError('MISSING_INPUT', `input "${port}" has no value`, ctx.node.id);
    return undefined as T;
  }
  const mismatch = typeMismatch(value, type);
  if (mismatch) throw new ComponentError('INVALID_INPUT', `input "${port}": ${mismatch}`, ctx.node.id);
  return value as T;
}
