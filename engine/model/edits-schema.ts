/** Checks that untrusted JSON is a list of graph edits before anything applies it. */
import Ajv from 'ajv';
import { GRAPH_EDITS_SCHEMA, type GraphEdit } from './edits';

const validate = new Ajv({ allErrors: false, strict: false }).compile(GRAPH_EDITS_SCHEMA);

export function parseGraphEdits(value: unknown): { ok: true; edits: GraphEdit[] } | { ok: false; message: string } {
  if (validate(value)) return { ok: true, edits: value as unknown as GraphEdit[] };
  const error = validate.errors?.[0];
  return { ok: false, message: `edits${error?.instancePath ?? ''} ${error?.message ?? 'is invalid'}` };
}
