/**
 * Persisted-operations-only mode (PERSISTED_OPERATIONS_ONLY=true): the router runs only documents from a safelist
 * file — a JSON object mapping the SHA-256 (hex) of each document to the document. Clients send the document itself
 * or just its hash (`extensions.persistedQuery.sha256Hash`, as Apollo clients do, or `documentId`); anything else is
 * refused before parsing. The REST shim's stored operations run in-process and are not subject to it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { GraphQLError } from 'graphql';
import { ConfigError, type SecurityConfig } from '../../platform/config';
import { registerOperationNames } from '../../platform/metrics';

export interface OperationRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | unknown;
}

export type PersistedOperations = (request: OperationRequest) => string;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function loadPersistedOperations(security: SecurityConfig): PersistedOperations | undefined {
  if (!security.persistedOperationsOnly || !security.persistedOperationsFile) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(security.persistedOperationsFile, 'utf8'));
  } catch (err) {
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE is not a readable JSON file: ${(err as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError('PERSISTED_OPERATIONS_FILE must hold a JSON object { "<sha256>": "<document>" }');
  const safelist = new Map<string, string>();
  for (const [hash, document] of Object.entries(raw)) {
    if (typeof document !== 'string' || sha256(document) !== hash.toLowerCase())
      throw new ConfigError(`PERSISTED_OPERATIONS_FILE: the entry "${hash}" is not the SHA-256 of its document`);
    safelist.set(hash.toLowerCase(), document);
    // Safelisted operations are known: their names label metrics.
    registerOperationNames([...document.matchAll(/\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  }
  const refuse = () =>
    new GraphQLError('Only persisted operations may run on this server', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } });
  return (request) => {
    const extensions = request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const hash = [request.documentId, extensions?.persistedQuery?.sha256Hash].find((h): h is string => typeof h === 'string');
    if (hash) {
      const document = safelist.get(hash.toLowerCase());
      if (!document) throw refuse();
      return document;
    }
    if (typeof request.query === 'string' && safelist.has(sha256(request.query))) return request.query;
    throw refuse();
  };
}
