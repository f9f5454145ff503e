/**
 * The comparison every conformance case makes: our router's JSON must equal the plain gateway's, after two documented
 * normalisations of deliberate differences (tests/federation/README.md):
 * - masking: a subgraph's unexpected error (INTERNAL_SERVER_ERROR / DOWNSTREAM_SERVICE_ERROR) reaches our clients
 *   with the message "Internal server error" (its text may carry internals); code, path, locations and serviceName
 *   are the same as the plain gateway's;
 * - a subgraph that cannot be reached is SERVICE_UNAVAILABLE naming the subgraph in ours; the plain gateway reports
 *   the fetch error text (with the subgraph's internal URL) as INTERNAL_SERVER_ERROR.
 * Everything else — data, error count and order, paths, other codes and messages — must be identical.
 */
import { MASKED_MESSAGE } from '../../router/error-masking';

export type GraphQLBody = { data?: unknown; errors?: any[] };

function normalisePlain(plain: any, ours: any): any {
  if (!plain || !ours) return plain;
  const code = ours.extensions?.code;
  if (ours.message === MASKED_MESSAGE && ours.extensions?.serviceName && code === plain.extensions?.code) return { ...plain, message: MASKED_MESSAGE };
  const unreachable = /request to .* failed, reason: .*(ECONNREFUSED|ECONNRESET|socket hang up)/.test(plain.message ?? '');
  if (code === 'SERVICE_UNAVAILABLE' && unreachable && plain.extensions?.code === 'INTERNAL_SERVER_ERROR')
    return { ...plain, message: ours.message, extensions: ours.extensions };
  return plain;
}

export function expectConformant(ours: GraphQLBody, plain: GraphQLBody): void {
  const expected = plain.errors ? { ...plain, errors: plain.errors.map((e, i) => normalisePlain(e, ours.errors?.[i])) } : plain;
  expect(ours).toEqual(expected);
}
