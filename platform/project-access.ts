/**
 * Project roles (docs/ARCHITECTURE.md §11) and how services other than the workflow engine learn a caller's role on a
 * project: the workflow subgraph answers `projectAccess(projectIds)` for the identity in the internal token; this
 * client batches those questions and remembers the answers for a moment (a list of 100 artefacts asks once).
 * Read = viewer; edit, execute, debug, deploy, apply suggestions = editor; delete and membership = owner.
 */
import { appError, notFound } from './errors';
import type { Identity } from './identity';
import type { ServiceClient } from './service-client';

export type ProjectRole = 'viewer' | 'editor' | 'owner';

const RANK: Record<ProjectRole, number> = { viewer: 1, editor: 2, owner: 3 };

export function hasRole(role: ProjectRole | null | undefined, needed: ProjectRole): boolean {
  return role != null && RANK[role] >= RANK[needed];
}

/**
 * Refuses without revealing more than the caller may know: no role at all looks like "not found"; a role that is too
 * low is FORBIDDEN, naming the role needed.
 */
export function requireRole(role: ProjectRole | null | undefined, needed: ProjectRole, what: { type: string; id: string }): void {
  if (!role) throw notFound(what.type, what.id);
  if (!hasRole(role, needed)) throw appError('FORBIDDEN', `This needs the ${needed} role on the project; you are ${role}`, { needed, role });
}

const PROJECT_ACCESS = /* GraphQL */ `
  query ProjectAccess($ids: [ID!]!) { projectAccess(projectIds: $ids) { projectId role } }
`;

/** How long an answer is reused: a revoked member keeps access at most this long in the other services. */
export const PROJECT_ACCESS_TTL_MS = 2_000;
const MAX_CACHED = 50_000;

export class ProjectAccessClient {
  private readonly cache = new Map<string, { role: ProjectRole | null; until: number }>();

  constructor(
    private readonly services: ServiceClient,
    private readonly ttlMs = PROJECT_ACCESS_TTL_MS,
  ) {}

  async roles(projectIds: readonly string[], identity: Identity): Promise<Map<string, ProjectRole | null>> {
    const now = Date.now();
    const result = new Map<string, ProjectRole | null>();
    const missing: string[] = [];
    for (const id of new Set(projectIds)) {
      const hit = this.cache.get(cacheKey(identity, id));
      if (hit && hit.until > now) result.set(id, hit.role);
      else missing.push(id);
    }
    if (missing.length) {
      const data = await this.services.query<{ projectAccess: { projectId: string; role: string | null }[] }>(
        'workflow',
        PROJECT_ACCESS,
        { ids: missing },
        identity,
      );
      if (this.cache.size > MAX_CACHED) this.cache.clear();
      for (const id of missing) {
        const answer = data.projectAccess.find((a) => a.projectId === id);
        const role = answer?.role ? (answer.role.toLowerCase() as ProjectRole) : null;
        result.set(id, role);
        this.cache.set(cacheKey(identity, id), { role, until: now + this.ttlMs });
      }
    }
    return result;
  }

  async role(projectId: string, identity: Identity): Promise<ProjectRole | null> {
    return (await this.roles([projectId], identity)).get(projectId) ?? null;
  }

  /** The caller's role when it is at least `needed` (see requireRole for the refusals). */
  async require(
    projectId: string,
    identity: Identity,
    needed: ProjectRole,
    what: { type: string; id: string } = { type: 'Project', id: projectId },
  ): Promise<ProjectRole> {
    const role = await this.role(projectId, identity);
    requireRole(role, needed, what);
    return role!;
  }

  /** Keeps the entities whose project the caller may read at `needed` (lists and `_entities`). */
  async filter<T extends { projectId: string }>(items: readonly T[], identity: Identity, needed: ProjectRole = 'viewer'): Promise<T[]> {
    if (!items.length) return [];
    const roles = await this.roles(
      items.map((i) => i.projectId),
      identity,
    );
    return items.filter((i) => hasRole(roles.get(i.projectId), needed));
  }
}

const cacheKey = (identity: Identity, projectId: string) => `${identity.sub}\u0000${projectId}`;
