/**
 * Run limits (docs/ARCHITECTURE.md §5) and the cheap output-size check. Breaches fail with LIMIT_* codes so a client can tell
 * "your workflow is too big" from "your workflow is wrong".
 */
import { EngineError } from './errors';

/** The bounds of one run. Declared here, not in ./types, so components can name them without an import cycle. */
export interface RunLimits {
  maxNodes: number;
  maxMapItems: number;
  maxRunMs: number;
  /** Max size of one node's serialised outputs. */
  maxOutputBytes: number;
  /** Independent branches running at once. */
  concurrency: number;
}

export const DEFAULT_LIMITS: Readonly<RunLimits> = Object.freeze({
  maxNodes: 50_000,
  maxMapItems: 10_000,
  maxRunMs: 300_000,
  maxOutputBytes: 1024 * 1024,
  concurrency: 8,
});

export function resolveLimits(overrides?: Partial<RunLimits>): RunLimits {
  const limits: RunLimits = { ...DEFAULT_LIMITS };
  if (!overrides) return limits;
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof RunLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 1)) throw new EngineError('INVALID_LIMITS', `limits.${key} must be a number ≥ 1, got ${String(value)}`, false);
    limits[key] = Math.floor(value);
  }
  return limits;
}

/** For `map`-like components (they receive the run's limits as `ctx.limits`). */
export function assertMapItems(count: number, limits: Pick<RunLimits, 'maxMapItems'> = DEFAULT_LIMITS): void {
  if (count > limits.maxMapItems) {
    throw new EngineError('LIMIT_MAP_ITEMS', `map over ${count} items exceeds the limit of ${limits.maxMapItems} items per map`, false);
  }
}

/** Throws LIMIT_OUTPUT_SIZE when the outputs' JSON form is larger than `maxBytes`. */
export function assertOutputSize(nodeId: string, outputs: unknown, maxBytes: number): void {
  const bounds = estimateJsonBytes(outputs, maxBytes);
  if (bounds.low <= maxBytes && bounds.high <= maxBytes) return;
  const bytes = bounds.low > maxBytes ? bounds.low : exactJsonBytes(nodeId, outputs);
  if (bytes > maxBytes) {
    throw new EngineError(
      'LIMIT_OUTPUT_SIZE',
      `outputs of node "${nodeId}" are ${bytes > bounds.low ? '' : 'at least '}${bytes} bytes of JSON, over the limit of ${maxBytes} bytes`,
      false,
    );
  }
}

function exactJsonBytes(nodeId: string, value: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new EngineError('OUTPUT_NOT_SERIALISABLE', `outputs of node "${nodeId}" are not JSON-serialisable: ${(error as Error).message}`, false);
  }
  return json === undefined ? 0 : Buffer.byteLength(json);
}

interface Bounds {
  low: number;
  high: number;
}

const MAX_WALK_DEPTH = 64;

/**
 * Lower and upper bounds of the UTF-8 JSON size, walking the value without serialising it. A string of n code units
 * takes between n and 6n bytes (escapes), a number 1 to 24. The walk stops as soon as the answer is known — below
 * the bound the check is O(value), above it O(limit) — so small outputs never pay for JSON.stringify.
 */
export function estimateJsonBytes(value: unknown, maxBytes: number): Bounds {
  const bounds: Bounds = { low: 0, high: 0 };
  walk(value, bounds, maxBytes, 0);
  return bounds;
}

function walk(value: unknown, b: Bounds, max: number, depth: number): void {
  if (b.high > max) return;
  switch (typeof value) {
    case 'string':
      b.low += value.length + 2;
      b.high += value.length * 6 + 2;
      return;
    case 'number':
      b.low += 1;
      b.high += 24;
      return;
    case 'boolean':
      b.low += 4;
      b.high += 5;
      return;
    case 'bigint':
      // JSON.stringify throws on bigint: force the exact path so the caller reports it.
      b.high = Infinity;
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (value === null) {
    b.low += 4;
    b.high += 4;
    return;
  }
  if (depth >= MAX_WALK_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    b.high = Infinity;
    return;
  }
  b.low += 2;
  b.high += 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && b.high <= max; i++) {
      const comma = i > 0 ? 1 : 0;
      b.low += comma;
      b.high += comma;
      walk(value[i], b, max, depth + 1);
    }
    return;
  }
  let comma = 0;
  for (const key in value as Record<string, unknown>) {
    if (b.high > max) return;
    const item = (value as Record<string, unknown>)[key];
    // JSON drops these keys entirely; counting them would break the lower bound.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    b.low += key.length + 3 + comma;
    b.high += key.length * 6 + 3 + comma;
    comma = 1;
    walk(item, b, max, depth + 1);
  }
}
