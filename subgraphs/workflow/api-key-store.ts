/**
 * API keys: `vbk_<id>_<secret>`. Only the SHA-256 of the secret is stored (the secret is 32 random bytes, so a
 * slow hash would add nothing); the key itself is shown once, at creation. Revoked keys stay listed, never valid.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { badInput, notFound } from '../../platform/errors';
import type { Identity } from '../../platform/identity';
import type { ApiKeysTable, WorkflowTables } from './tables';

export interface ApiKeyRecord {
  id: string;
  name: string;
  ownerId: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const API_KEY_PREFIX = 'vbk_';
const KEY_PATTERN = /^vbk_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const MAX_KEYS_PER_USER = 100;
/** Writing last_used_at on every request would make each authenticated call a write; once a minute is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function toRecord(row: ApiKeysTable): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    prefix: `${API_KEY_PREFIX}${row.id}`,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export class ApiKeyStore {
  constructor(private readonly db: Kysely<WorkflowTables>) {}

  async create(name: string, identity: Identity): Promise<{ key: string; apiKey: ApiKeyRecord }> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw badInput('name must be 1 to 100 characters', { field: 'name' });
    const count = await this.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('owner_id', '=', identity.sub)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_KEYS_PER_USER) throw badInput(`at most ${MAX_KEYS_PER_USER} active API keys per user; revoke one first`);
    const id = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    const row: ApiKeysTable = {
      id,
      owner_id: identity.sub,
      name: trimmed,
      hash: sha256(secret),
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto('api_keys').values(row).execute();
    return { key: `${API_KEY_PREFIX}${id}_${secret}`, apiKey: toRecord(row) };
  }

  async list(identity: Identity): Promise<ApiKeyRecord[]> {
    const rows = await this.db.selectFrom('api_keys').selectAll().where('owner_id', '=', identity.sub).orderBy('created_at').limit(1000).execute();
    return rows.map(toRecord);
  }

  async revoke(id: string, identity: Identity): Promise<ApiKeyRecord> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).where('owner_id', '=', identity.sub).executeTakeFirst();
    if (!row) throw notFound('API key', id);
    if (!row.revoked_at) {
      row.revoked_at = new Date().toISOString();
      await this.db.updateTable('api_keys').set({ revoked_at: row.revoked_at }).where('id', '=', id).execute();
    }
    return toRecord(row);
  }

  /** The key's owner when the key is well-formed, known, unrevoked and its secret matches (constant-time compare). */
  async verify(key: string): Promise<ApiKeyRecord | null> {
    const match = KEY_PATTERN.exec(key);
    if (!match) return null;
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', match[1]).executeTakeFirst();
    if (!row || row.revoked_at) return null;
    const expected = Buffer.from(row.hash, 'hex');
    const actual = Buffer.from(sha256(match[2]), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    const now = new Date();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) {
      row.last_used_at = now.toISOString();
      await this.db.updateTable('api_keys').set({ last_used_at: row.last_used_at }).where('id', '=', row.id).execute();
    }
    return toRecord(row);
  }
}
