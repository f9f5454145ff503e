/**
 * Applies the top-level JSON-Schema `default`s of a component's configSchema to a node's config. Shallow on purpose:
 * nested defaults would need a full schema walk, and the built-in components only declare top-level ones.
 */
export function applyConfigDefaults(schema: unknown, config: Record<string, unknown> | undefined): Record<string, unknown> {
  const properties = (schema as { properties?: Record<string, { default?: unknown }> } | undefined)?.properties;
  const source = config ?? {};
  if (!properties || typeof properties !== 'object') return source;
  let result: Record<string, unknown> | undefined;
  for (const key of Object.keys(properties)) {
    const spec = properties[key];
    if (!spec || typeof spec !== 'object' || !('default' in spec) || source[key] !== undefined) continue;
    result ??= { ...source };
    // A shared default object must not be mutated through one node's config.
    result[key] = typeof spec.default === 'object' && spec.default !== null ? structuredClone(spec.default) : spec.default;
  }
  return result ?? source;
}
