/**
 * Named secrets per project, encrypted at rest with AES-256-GCM (a fresh 96-bit IV per value; the project id and
 * name are authenticated as associated data, so a ciphertext cannot be moved to another project or name). The key
 * comes from SECRETS_KEY (32 bytes, base64 or hex); without it a development key is generated once under DATA_DIR —
 * production refuses that. No query ever returns a value; the run service decrypts for the interpreter only.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { SECRET_NAME } from '../../engine/secrets/secret-refs';
import { ConfigError, type AppConfig } from '../../platform/config';
import { badInput, notFound } from '../../platform/errors';
import type { WorkflowTables } from './tables';

export interface SecretInfo {
  name: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const MAX_VALUE = 64 * 1024;
const MIN_VALUE = 4; // shorter values could not be masked without masking ordinary text

export function loadSecretsKey(config: AppConfig): Buffer {
  const raw = config.env.SECRETS_KEY;
  if (raw) {
    const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new ConfigError('SECRETS_KEY must be 32 bytes, base64 or hex encoded (e.g. `openssl rand -base64 32`)');
    return key;
  }
  if (config.nodeEnv === 'production') throw new ConfigError('SECRETS_KEY is required when NODE_ENV=production');
  const file = path.join(config.dataDir, 'secrets.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

export class SecretStore {
  constructor(
    private readonly db: Kysely<WorkflowTables>,
    private readonly key: Buffer,
  ) {}

  async put(projectId: string, name: string, value: string, actor: string): Promise<SecretInfo> {
    if (!SECRET_NAME.test(name)) throw badInput('name must be a letter or "_" followed by letters, digits or "_" (at most 100)', { field: 'name' });
    if (value.length < MIN_VALUE || value.length > MAX_VALUE) throw badInput(`value must be ${MIN_VALUE} to ${MAX_VALUE} characters`, { field: 'value' });
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${projectId}\u0000${name}`));
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const now = new Date().toISOString();
    const row = { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64'), updated_at: now };
    await this.db
      .insertInto('project_secrets')
      .values({ project_id: projectId, name, created_by: actor, created_at: now, ...row })
      .onConflict((oc) => oc.columns(['project_id', 'name']).doUpdateSet(row))
      .execute();
    return (await this.list(projectId)).find((s) => s.name === name)!;
  }

  async delete(projectId: string, name: string): Promise<void> {
    const result = await this.db.deleteFrom('project_secrets').where('project_id', '=', projectId).where('name', '=', name).executeTakeFirst();
    if (!Number(result.numDeletedRows ?? 0)) throw notFound('Secret', name);
  }

  async list(projectId: string): Promise<SecretInfo[]> {
    const rows = await this.db
      .selectFrom('project_secrets')
      .select(['name', 'created_by', 'created_at', 'updated_at'])
      .where('project_id', '=', projectId)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ name: r.name, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  /** Refuses, naming them, secrets the project does not have (nothing is decrypted). */
  async assertExist(projectId: string, names: readonly string[]): Promise<void> {
    if (!names.length) return;
    const rows = await this.db
      .selectFrom('project_secrets')
      .select('name')
      .where('project_id', '=', projectId)
      .where('name', 'in', [...names])
      .execute();
    const missing = names.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length)
      throw badInput(`The project has no secret named ${missing.map((n) => `"${n}"`).join(', ')}; create it with createSecret`, { secrets: missing });
  }

  /** Decrypted values of the named secrets; names that do not exist are refused, naming them. */
  async values(projectId: string, names: readonly string[]): Promise<Map<string, string>> {
    if (!names.length) return new Map();
    const rows = await this.db
      .selectFrom('project_secrets')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('name', 'in', [...names])
      .execute();
    const missing = names.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length)
      throw badInput(`The project has no secret named ${missing.map((n) => `"${n}"`).join(', ')}; create it with createSecret`, { secrets: missing });
    return new Map(
      rows.map((r) => {
        const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(r.iv, 'base64'));
        decipher.setAAD(Buffer.from(`${projectId}\u0000${r.name}`));
        decipher.setAuthTag(Buffer.from(r.tag, 'base64'));
        return [r.name, Buffer.concat([decipher.update(Buffer.from(r.ciphertext, 'base64')), decipher.final()]).toString('utf8')];
      }),
    );
  }
}
