/** JSON Schema pieces shared by several components' config schemas. */

/** A config schema with the given properties; unknown settings are rejected (they are usually typos). */
export function configSchema(properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  return { type: 'object', properties, required, additionalProperties: false };
}

export const expressionField = (description: string) => ({ type: 'string', minLength: 1, maxLength: 10_000, description });

export const modelField = {
  type: 'string',
  minLength: 1,
  description: 'Model name; defaults to the LLM_MODEL environment variable.',
};

export const portTypeField = {
  type: 'string',
  pattern: '^(any|string|number|boolean|object|array)$|^array<.+>$',
  description: 'A port type: any, string, number, boolean, object, array or array<T>.',
};
