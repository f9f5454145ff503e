/**
 * The workflow service's tables (besides runs, see run-store.ts) as Kysely sees them: one place, so the stores that
 * share a transaction type (`Kysely<WorkflowTables>`) do not import each other for it.
 */
export interface ProjectsTable {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  status: string;
  version: number;
  agent_id: string | null;
  template_id: string | null;
  metadata: string | null;
  graph: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectChangesTable {
  project_id: string;
  version: number;
  actor: string;
  op: string;
  payload: string;
  at: string;
}

export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: string;
  added_by: string;
  added_at: string;
}

export interface ApiKeysTable {
  id: string;
  owner_id: string;
  name: string;
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProjectSecretsTable {
  project_id: string;
  name: string;
  iv: string;
  ciphertext: string;
  tag: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WorkflowTables {
  projects: ProjectsTable;
  project_changes: ProjectChangesTable;
  project_members: ProjectMembersTable;
  api_keys: ApiKeysTable;
  project_secrets: ProjectSecretsTable;
}
