import type { PortType } from './types';

const BASE_TYPES = new Set(['any', 'string', 'number', 'boolean', 'object', 'array']);

/** `array<T>` → `T`; other types → undefined. */
export function arrayItemType(type: string): string | undefined {
  const match = /^array<(.+)>$/.exec(type);
  return match?.[1];
}

export function isPortType(type: string): type is PortType {
  if (BASE_TYPES.has(type)) return true;
  const item = arrayItemType(type);
  return item !== undefined && isPortType(item);
}

/**
 * Can a value of port type `source` flow into port type `target`? (docs/ARCHITECTURE.md §4: `source ⊑ target`.)
 * `any` on either side is accepted — `any` into a typed port is checked when the value arrives — and so are plain
 * `array` ↔ `array<T>` for the same reason.
 */
export function isAssignable(source: string, target: string): boolean {
  if (source === target || target === 'any' || source === 'any') return true;
  const sourceItem = arrayItemType(source);
  const targetItem = arrayItemType(target);
  if (target === 'array') return sourceItem !== undefined;
  if (source === 'array') return targetItem !== undefined;
  if (sourceItem !== undefined && targetItem !== undefined) return isAssignable(sourceItem, targetItem);
  return false;
}
