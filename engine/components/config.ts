/**
 * Validation of a node's config against its component's JSON Schema (ajv, draft-07). Used by the model validator
 * (a project with bad config does not run) and by the interpreter (which runs components with defaults applied).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ComponentDefinition } from './types';

export interface ConfigFieldError {
  /** JSON pointer into the config, e.g. `/labels/0`; `` for the config as a whole. */
  field: string;
  message: string;
  /** A required field that is absent: a draft still to be filled in, not a wrong value. */
  missing?: true;
}

export type ConfigValidation = { ok: true; config: Record<string, unknown> } | { ok: false; errors: ConfigFieldError[] };

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
addFormats(ajv);

// Compiled validators cached per schema object: components are static, schemas are compiled once.
const validators = new WeakMap<object, ValidateFunction>();

// Custom components' schemas arrive as fresh objects per request: cache those by their text (bounded), so a
// schema is compiled once and ajv's own per-object cache cannot grow without limit.
const validatorsByText = new Map<string, ValidateFunction>();
const MAX_TEXT_CACHE = 1_000;

function validatorFor(def: Pick<ComponentDefinition, 'configSchema'>): ValidateFunction {
  const schema = def.configSchema as object;
  let validate = validators.get(schema);
  if (validate) return validate;
  const text = JSON.stringify(schema);
  validate = validatorsByText.get(text);
  if (!validate) {
    if (validatorsByText.size >= MAX_TEXT_CACHE) validatorsByText.clear();
    validate = ajv.compile(JSON.parse(text) as object);
    validatorsByText.set(text, validate);
  }
  validators.set(schema, validate);
  return validate;
}

/** Points at the offending field itself: a missing or unexpected property is reported at its own path. */
function fieldOf(error: ErrorObject): string {
  if (error.keyword === 'required') return `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`;
  }
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'is not a known setting';
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum')
    return `${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message ?? 'is invalid';
}

/** A copy of `config` with the schema's defaults filled in, valid or not (a draft node starts from them). */
export function fillConfigDefaults(def: Pick<ComponentDefinition, 'configSchema'>, config: unknown): Record<string, unknown> {
  const copy = structuredClone(config ?? {}) as Record<string, unknown>;
  validatorFor(def)(copy);
  return copy;
}

/**
 * Validates `config` (not mutated) and returns a copy with schema defaults applied, or every problem found,
 * each with the JSON pointer of its field.
 */
export function validateComponentConfig(def: Pick<ComponentDefinition, 'configSchema'>, config: unknown): ConfigValidation {
  const copy = structuredClone(config ?? {}) as Record<string, unknown>;
  const validate = validatorFor(def);
  if (validate(copy)) return { ok: true, config: copy };
  const seen = new Set<string>();
  const errors: ConfigFieldError[] = [];
  for (const error of validate.errors ?? []) {
    // `if`/`then` and `anyOf` wrappers repeat what their inner errors already say.
    if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    const entry: ConfigFieldError = { field: fieldOf(error), message: messageOf(error), ...(error.keyword === 'required' ? { missing: true as const } : {}) };
    const key = `${entry.field}|${entry.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(entry);
    }
  }
  return { ok: false, errors };
}
