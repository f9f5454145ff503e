/**
 * Project members and their roles. The project's creator (`projects.owner_id`) is its owner without a row here;
 * rows add viewers, editors and further owners. Writes happen inside the project's change transaction
 * (ProjectStore.mutate), so a membership change is versioned and logged like any other change.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ProjectRole } from '../../platform/project-access';
import type { WorkflowTables } from './tables';

export interface ProjectMemberRecord {
  userId: string;
  role: ProjectRole;
  addedBy: string;
  addedAt: string;
}

export const PROJECT_ROLES: readonly ProjectRole[] = ['viewer', 'editor', 'owner'];

export class MemberStore {
  constructor(private readonly db: Kysely<WorkflowTables>) {}

  /** The user's member role on each of the projects (owners by `owner_id` are resolved by the caller). */
  rolesOf(userId: string, projectIds: readonly string[]): Promise<Map<string, ProjectRole>> {
    return MemberStore.rolesIn(this.db, userId, projectIds);
  }

  /** `rolesOf` on a given connection: inside a change transaction, on the rows it sees. */
  static async rolesIn(db: Kysely<WorkflowTables>, userId: string, projectIds: readonly string[]): Promise<Map<string, ProjectRole>> {
    if (!projectIds.length) return new Map();
    const rows = await db
      .selectFrom('project_members')
      .select(['project_id', 'role'])
      .where('user_id', '=', userId)
      .where('project_id', 'in', [...projectIds])
      .execute();
    return new Map(rows.map((r) => [r.project_id, r.role as ProjectRole]));
  }

  async members(projectIds: readonly string[]): Promise<Map<string, ProjectMemberRecord[]>> {
    const result = new Map<string, ProjectMemberRecord[]>(projectIds.map((id) => [id, []]));
    if (!projectIds.length) return result;
    const rows = await this.db
      .selectFrom('project_members')
      .selectAll()
      .where('project_id', 'in', [...projectIds])
      .orderBy('added_at')
      .orderBy('user_id')
      .execute();
    for (const r of rows) result.get(r.project_id)?.push({ userId: r.user_id, role: r.role as ProjectRole, addedBy: r.added_by, addedAt: r.added_at });
    return result;
  }

  static async put(trx: Transaction<WorkflowTables>, projectId: string, userId: string, role: ProjectRole, addedBy: string): Promise<void> {
    const at = new Date().toISOString();
    await trx
      .insertInto('project_members')
      .values({ project_id: projectId, user_id: userId, role, added_by: addedBy, added_at: at })
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role, added_by: addedBy }))
      .execute();
  }

  static async remove(trx: Transaction<WorkflowTables>, projectId: string, userId: string): Promise<number> {
    const result = await trx.deleteFrom('project_members').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows ?? 0);
  }
}
