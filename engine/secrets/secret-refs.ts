/**
 * Named secrets in component configs: a config value `{"$secret": "NAME"}` stands for the secret's value, which is
 * substituted only at run time (the stored graph, the change log and generated code keep the reference), and masked
 * again in everything a run records.
 */
import type { WorkflowGraph } from '../model/types';

export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
export const MASK = '***';

export function isSecretRef(value: unknown): value is { $secret: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { $secret?: unknown }).$secret === 'string';
}

function mapValues(value: unknown, leaf: (v: unknown) => unknown): unknown {
  const mapped = leaf(value);
  if (mapped !== value) return mapped;
  if (Array.isArray(value)) return value.map((v) => mapValues(v, leaf));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: mapValues(v, leaf), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Every secret name a graph refers to (maps' sub-graphs included: they are plain config). */
export function secretNames(graph: WorkflowGraph): string[] {
  const names = new Set<string>();
  mapValues(graph.nodes.map((n) => n.config), (v) => (isSecretRef(v) ? (names.add(v.$secret), v) : v));
  return [...names];
}

/** For validation against a config schema: a reference stands for some string. */
export function stubSecretRefs<T>(config: T): T {
  return mapValues(config, (v) => (isSecretRef(v) ? 'secret' : v)) as T;
}

/** The graph with every reference replaced by its value (the caller has checked that all are known). */
export function substituteSecrets(graph: WorkflowGraph, values: ReadonlyMap<string, string>): WorkflowGraph {
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, config: mapValues(n.config, (v) => (isSecretRef(v) ? values.get(v.$secret) ?? '' : v)) as Record<string, unknown> })) };
}

/** Replaces every occurrence of a secret value inside strings (and keys) with `***`. */
export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  const needles = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (!needles.length) return value;
  const mask = (text: string) => needles.reduce((t, s) => t.split(s).join(MASK), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) Object.defineProperty(out, mask(k), { value: walk(inner), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
