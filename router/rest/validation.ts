/**
 * Request validation with JSON Schema (Ajv, draft 2020-12 — the dialect of OpenAPI 3.1, so the very schemas that
 * check a request also describe it in /openapi.json). Failures name the field and the reason.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { RestError } from './envelope';

export type JsonSchema = Record<string, unknown>;

// Bodies: types as sent (a string is not a number), defaults filled in (language = "python", …).
const bodies = new Ajv2020({ allErrors: true, strict: false, useDefaults: true });
// Query strings are text: "?limit=10" is the number 10.
const queries = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, coerceTypes: true });

export interface FieldProblem {
  field: string;
  reason: string;
}

function fieldOf(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const child =
    (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
    (error.params as { additionalProperty?: string }).additionalProperty;
  return [base, child].filter(Boolean).join('.') || '(body)';
}

function reasonOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

export function problemsOf(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors ?? []) {
    const problem = { field: fieldOf(error), reason: reasonOf(error) };
    const key = `${problem.field}\u0000${problem.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

export type Validator = (value: unknown) => void;

function validator(ajv: Ajv2020, schema: JsonSchema, where: string): Validator {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return;
    const problems = problemsOf(validate.errors);
    throw new RestError(400, 'BAD_USER_INPUT', `Invalid ${where}: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, { errors: problems });
  };
}

export const bodyValidator = (schema: JsonSchema) => validator(bodies, schema, 'request body');
export const queryValidator = (schema: JsonSchema) => validator(queries, schema, 'query string');
