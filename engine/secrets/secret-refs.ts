/**
 * Named secrets in component configs: a config value `{"$secret": "NAME"}` stands for the secret's value. It is
 * allowed only in the fields a component declares (`secretFields`, e.g. `http_request`'s `/headers/*`) — anywhere else
 * (a code node, an expression, a template, a map's sub-graph) validation refuses it — and substituted only into the
 * `config` handed to that one node's `run`, never into the graph, a port value, a step or an event. The stored graph,
 * the change log and generated code keep the reference. Masking what a run records is a second line only (a remote
 * end may echo what it was sent).
 */
import type { WorkflowGraph } from '../model/types';

export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
export const MASK = '***';

export function isSecretRef(value: unknown): value is { $secret: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { $secret?: unknown }).$secret === 'string'
  );
}

function mapValues(value: unknown, leaf: (v: unknown) => unknown): unknown {
  const mapped = leaf(value);
  if (mapped !== value) return mapped;
  if (Array.isArray(value)) return value.map((v) => mapValues(v, leaf));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: mapValues(v, leaf), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Every secret name a graph refers to (maps' sub-graphs included: they are plain config). */
export function secretNames(graph: WorkflowGraph): string[] {
  const names = new Set<string>();
  mapValues(
    graph.nodes.map((n) => n.config),
    (v) => (isSecretRef(v) ? (names.add(v.$secret), v) : v),
  );
  return [...names];
}

/** For validation against a config schema: a reference stands for some string. */
export function stubSecretRefs<T>(config: T): T {
  return mapValues(config, (v) => (isSecretRef(v) ? 'secret' : v)) as T;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** JSON pointers (RFC 6901) of every reference in a config. */
export function secretRefPointers(config: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (isSecretRef(value)) return void found.push(pointer);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${escapePointer(k)}`);
  };
  walk(config, '');
  return found;
}

/** Does `pointer` match one of the declared patterns (`*` = any one key or index)? */
export function secretFieldAllows(patterns: readonly string[] | undefined, pointer: string): boolean {
  const segments = pointer.split('/');
  return (patterns ?? []).some((pattern) => {
    const parts = pattern.split('/');
    return parts.length === segments.length && parts.every((part, i) => part === '*' || part === segments[i]);
  });
}

/** References outside the component's secret-capable fields (each one a validation error). */
export function misplacedSecretRefs(config: unknown, secretFields: readonly string[] | undefined): string[] {
  return secretRefPointers(config).filter((pointer) => !secretFieldAllows(secretFields, pointer));
}

/**
 * The node's config with the references in its declared secret fields replaced by their values — built for one
 * `run` call and dropped after it. References elsewhere stay as they are (validation has refused them already).
 */
export function resolveSecretFields<C>(config: C, secretFields: readonly string[] | undefined, values: ReadonlyMap<string, string>): C {
  if (!secretFields?.length) return config;
  const walk = (value: unknown, pointer: string): unknown => {
    if (isSecretRef(value)) return secretFieldAllows(secretFields, pointer) ? (values.get(value.$secret) ?? '') : value;
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${pointer}/${i}`));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value))
        Object.defineProperty(out, k, { value: walk(v, `${pointer}/${escapePointer(k)}`), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return value;
  };
  return walk(config, '') as C;
}

/** The forms a value takes when echoed back: as it is, JSON-escaped, URL-encoded. */
function encodedForms(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), JSON.stringify(JSON.stringify(secret)).slice(3, -3), encodeURIComponent(secret)])];
}

/**
 * Replaces every occurrence of a secret value (and its JSON-escaped and URL-encoded forms) inside strings (and keys)
 * with `***`. A second line of defence for what a remote end echoes; the first is that no node but the declaring
 * one ever sees the value.
 */
export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  const needles = [...new Set(secrets.filter((s) => s.length >= 4).flatMap(encodedForms))].sort((a, b) => b.length - a.length);
  if (!needles.length) return value;
  const mask = (text: string) => needles.reduce((t, s) => t.split(s).join(MASK), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v))
        Object.defineProperty(out, mask(k), { value: walk(inner), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
