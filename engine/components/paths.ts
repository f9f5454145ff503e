/**
 * Dotted paths into JSON values, shared by `get`, `set` and template placeholders.
 * Syntax: `user.name`, `items.0.id` or `items[0].id`. Segments are property names or array indexes.
 */

export type PathSegment = string | number;

const SEGMENT = /^(?:[A-Za-z_$][\w$-]*|\d+)$/;

/** Parses a path; throws an Error naming the bad segment (callers wrap it with node context). */
export function parsePath(path: string): PathSegment[] {
  const normalised = path.trim().replace(/\[(\d+)\]/g, '.$1');
  if (normalised === '') throw new Error('path is empty');
  return normalised.split('.').map((segment) => {
    if (!SEGMENT.test(segment)) throw new Error(`invalid path segment "${segment}" in "${path}"`);
    return /^\d+$/.test(segment) ? Number(segment) : segment;
  });
}

export type PathLookup = { found: true; value: unknown } | { found: false; missingAt: string };

/** Follows `segments` through `root`; reports the prefix at which the path stopped existing. */
export function lookupPath(root: unknown, segments: PathSegment[]): PathLookup {
  let current: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const container = current as Record<string | number, unknown> | null;
    const has =
      container !== null &&
      typeof container === 'object' &&
      (Array.isArray(container) ? typeof segment === 'number' && segment < container.length : Object.prototype.hasOwnProperty.call(container, segment));
    if (!has) return { found: false, missingAt: formatPath(segments.slice(0, i + 1)) };
    current = container[segment];
  }
  return { found: true, value: current };
}

/**
 * Returns a copy of `root` with `value` at `segments`; creates missing objects (or arrays for numeric segments)
 * along the way. The input is never mutated: node outputs are shared by every dependant.
 */
export function setAtPath(root: unknown, segments: PathSegment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(root)) {
    if (typeof head !== 'number') throw new Error(`cannot set property "${head}" on an array`);
    const copy = root.slice();
    copy[head] = setAtPath(root[head], rest, value);
    return copy;
  }
  if (root === undefined || root === null) {
    const fresh: Record<string, unknown> | unknown[] = typeof head === 'number' ? [] : {};
    return setAtPath(fresh, segments, value);
  }
  if (typeof root !== 'object') throw new Error(`cannot set "${head}" inside a ${typeof root}`);
  const source = root as Record<string, unknown>;
  // Own properties only: `source.__proto__` would be Object.prototype, not a missing key.
  return { ...source, [head]: setAtPath(Object.hasOwn(source, head) ? source[head as string] : undefined, rest, value) };
}

export function formatPath(segments: PathSegment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
