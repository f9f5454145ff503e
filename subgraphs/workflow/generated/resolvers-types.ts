import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ProjectRecord, ProjectChangeRecord, ProjectPage } from '../project-store';
import { NodeInstance } from '../../../engine/model/types';
import { GraphEditResult } from '../project-service';
import { EntityRef } from '../../../platform/entity-ref';
import { RunSummary } from '../run-store';
import { StepRecord } from '../../../engine/runtime/types';
import { PresenceRecord } from '../presence-store';
import { SubgraphContext } from '../../../platform/subgraph-server';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 timestamp. */
  DateTime: { input: string; output: string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A node to add. The client chooses the id so that connections of the same batch can refer to it. */
export type AddNodeInput = {
  /** Registry component id (`core/llm`, or a legacy key such as `llm`). */
  componentId: Scalars['ID']['input'];
  /** Ignored: the component's current version is pinned. */
  componentVersion?: InputMaybe<Scalars['String']['input']>;
  /** The node's config; may be partial or absent. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  /** Unique within the project: letters, digits, `_.:/-`. */
  id: Scalars['ID']['input'];
  /** Display label. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** Canvas position; (0, 0) when absent. */
  position?: InputMaybe<PositionInput>;
  /** Execution policy. */
  settings?: InputMaybe<NodeSettingsInput>;
};

/** An API key of the caller (the key itself is never returned after creation). */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The key's id (also in its prefix). */
  id: Scalars['ID']['output'];
  /** When it last authenticated a request (updated at most once a minute). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The name given at creation. */
  name: Scalars['String']['output'];
  /** The public part (`vbk_<id>`), to recognise a key. */
  prefix: Scalars['String']['output'];
  /** When it was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ApiKeyOwner = {
  __typename?: 'ApiKeyOwner';
  keyId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

/** A registry component (owned by the registry service). */
export type Component = {
  __typename?: 'Component';
  /** The component's id. */
  id: Scalars['ID']['output'];
};

/** A node: one instance of a registry component. */
export type ComponentInstance = {
  __typename?: 'ComponentInstance';
  /** The component it instantiates, from the registry. */
  component: Component;
  /** The registry component it instantiates. */
  componentId: Scalars['ID']['output'];
  /** The component version pinned when the node was added. */
  componentVersion: Scalars['String']['output'];
  /** Its configuration (valid against the component's config schema, or reported by validation). */
  config: Scalars['JSON']['output'];
  /** The node's id, unique within the project. */
  id: Scalars['ID']['output'];
  /** Its display name. */
  label?: Maybe<Scalars['String']['output']>;
  /** Pinned data: values by output port used instead of running the node when a run asks for pins; null when none. */
  pinnedOutput?: Maybe<Scalars['JSON']['output']>;
  /** Where it sits on the canvas. */
  position: Position;
  /** Its execution policy (timeouts, retries, error handling). */
  settings?: Maybe<NodeSettings>;
};

/** A connection to create. */
export type ConnectInput = {
  /** Connection id; generated when absent. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Node the value comes from. */
  sourceId: Scalars['ID']['input'];
  /** Output port of the source. */
  sourcePort: Scalars['String']['input'];
  /** Node the value goes to. */
  targetId: Scalars['ID']['input'];
  /** Input port of the target. */
  targetPort: Scalars['String']['input'];
};

/** A connection from one node's output port to another node's input port. */
export type Connection = {
  __typename?: 'Connection';
  /** The connection's id. */
  id: Scalars['ID']['output'];
  /** The node the data comes from. */
  sourceId: Scalars['ID']['output'];
  /** Its output port. */
  sourcePort: Scalars['String']['output'];
  /** The node the data goes to. */
  targetId: Scalars['ID']['output'];
  /** Its input port. */
  targetPort: Scalars['String']['output'];
};

/** A new project. */
export type CreateProjectInput = {
  /** The agent it belongs to, if any. */
  agentId?: InputMaybe<Scalars['String']['input']>;
  /** Its description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Free-form data of the client. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** Its name. */
  name: Scalars['String']['input'];
  /** Start as a copy of this registry template's graph. */
  templateId?: InputMaybe<Scalars['ID']['input']>;
};

/** A new API key: the only time the full key is shown. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  /** The stored record of the key. */
  apiKey: ApiKey;
  /** The full key: send it as `Authorization: Bearer <key>` or `x-api-key`. It cannot be shown again. */
  key: Scalars['String']['output'];
};

/** The result of a deletion. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** True when it existed and is gone. */
  deleted: Scalars['Boolean']['output'];
  /** The id of what was deleted. */
  id: Scalars['ID']['output'];
};

/** Removes a connection. */
export type DisconnectInput = {
  /** The connection. */
  connectionId: Scalars['ID']['input'];
};

/** The copies made by duplicateNodes. */
export type DuplicateNodesResult = {
  __typename?: 'DuplicateNodesResult';
  /** The new nodes. */
  components: Array<ComponentInstance>;
  /** The new connections between them. */
  connections: Array<Connection>;
  /** Original node id → id of its copy. */
  idMap: Scalars['JSON']['output'];
  /** The project after the change. */
  project: Project;
};

/** The result of a graph edit: the project after it, and the node or connection it touched. */
export type GraphEdit = {
  __typename?: 'GraphEdit';
  /** The node the edit added or changed, if any. */
  component?: Maybe<ComponentInstance>;
  /** The connection the edit added, if any. */
  connection?: Maybe<Connection>;
  /** The project after the edit. */
  project: Project;
};

/**
 * One graph edit: set exactly one field, named after the edit kind (the `@oneOf` pattern; Federation 2 composition does
 * not accept `@oneOf` yet, so the rule is checked when the edits arrive and the error names the edit index).
 */
export type GraphEditInput = {
  /** Adds a node, configured or not (JSON Schema defaults are filled in). */
  addNode?: InputMaybe<AddNodeInput>;
  /** Connects an output port to an input port. */
  connect?: InputMaybe<ConnectInput>;
  /** Removes a connection. */
  disconnect?: InputMaybe<DisconnectInput>;
  /** Moves a node. */
  moveNode?: InputMaybe<MoveNodeInput>;
  /** Removes a node and every connection touching it. */
  removeNode?: InputMaybe<RemoveNodeInput>;
  /** Replaces a node's config; label and settings when given. */
  updateNode?: InputMaybe<UpdateNodeInput>;
};

/** Moves a node. */
export type MoveNodeInput = {
  /** The node. */
  nodeId: Scalars['ID']['input'];
  /** Its new position. */
  position: PositionInput;
};

/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a node; the component version is pinned. `id` may be chosen by the client (unique within the project). */
  addComponent: GraphEdit;
  /** Owners only: gives a user a role on the project (or changes it). A versioned change on the project's log. */
  addProjectMember: Project;
  /**
   * Applies a list of graph edits as one change (one version), e.g. pasting a fragment: nodes added unwired or not yet
   * configured are fine (validation lists what they still need). Refused when it adds an error a draft cannot have (a
   * bad edge, a wrong config value); errors name the edit index and field (`edits[1].connect.sourceId`).
   */
  applyGraphEdits: GraphEdit;
  /** Cancels a queued or running run; running nodes are aborted. */
  cancelRun: WorkflowRun;
  /** Connects a node's output port to another node's input port (port types must be compatible). */
  connect: GraphEdit;
  /** A new API key for the caller. `key` is shown only in this answer; only its hash is stored. */
  createApiKey: CreatedApiKey;
  /** Creates a project, empty or as a copy of a registry template's graph. */
  createProject: Project;
  /**
   * Owners only: stores a named secret for the project, encrypted at rest (or replaces its value). Component configs
   * refer to it as `{"$secret": "NAME"}`; runs substitute the value and mask it in everything they record.
   */
  createSecret: ProjectSecret;
  /** Owners only: deletes a project with its graph, runs and change log; `projectChanged` subscribers get a last deleteProject change. */
  deleteProject: DeletePayload;
  /** Owners only: deletes a named secret. */
  deleteSecret: Scalars['Boolean']['output'];
  /** Removes a connection. */
  disconnect: GraphEdit;
  /**
   * Copies nodes and the connections between them (not those to other nodes) with fresh ids (`<id>_copy`, …), moved
   * by `offset` (default 40, 40), as one change.
   */
  duplicateNodes: DuplicateNodesResult;
  /**
   * Runs the project's current version. Validation errors block the run (INVALID_GRAPH listing them). SYNC waits for
   * the end; ASYNC returns the queued run at once (follow it with `run(id)` or the `runEvents` subscription).
   * `usePinned`: pinned nodes emit their pinned data instead of running (steps PINNED). `fromNodeId` ("execute from
   * here"): only that node and what it feeds run; what they read comes from pins (with `usePinned`) or from the last
   * successful run (steps REUSED), and upstream nodes with neither run too. Generated code ignores pins.
   */
  executeWorkflow: WorkflowRun;
  /**
   * Creates a project from an exportProject document (named `name`, or as in the document). Another format or an
   * unknown version is refused with BAD_USER_INPUT (extensions.reason UNSUPPORTED_VERSION or INVALID_DOCUMENT).
   */
  importProject: Project;
  /** Leaves a project's presence at once: the session's entry (without `sessionId`, the caller's default entry). */
  leavePresence: Scalars['Boolean']['output'];
  /** Moves a node on the canvas. */
  moveComponent: GraphEdit;
  /**
   * Pins data on a node (n8n's "pin data"): values by output port (`{"value": …}`; ports of the node only), used
   * instead of running it by runs and debug sessions that ask for pins. A versioned change (undo applies).
   */
  pinNodeOutput: GraphEdit;
  /** Re-applies the caller's latest undone edit; a new edit by the caller clears what can be redone (NOTHING_TO_REDO). */
  redo: UndoResult;
  /** Removes a node and every connection touching it. */
  removeComponent: GraphEdit;
  /** Owners only: removes a member; their subscriptions to the project end. */
  removeProjectMember: Project;
  /** Revokes one of the caller's API keys (the router may accept it for up to 30 seconds more from its cache). */
  revokeApiKey: ApiKey;
  /**
   * Undoes the caller's latest graph edit not yet undone (per user: collaborators' edits are never undone), by applying
   * the inverse edits recorded in the change log — a removed node returns with its id, config, position and
   * connections. CONFLICT (naming the version, actor and op) when someone else has since changed what it touched;
   * BAD_USER_INPUT (extensions.reason NOTHING_TO_UNDO) when there is nothing left.
   */
  undo: UndoResult;
  /** Removes a node's pinned data. */
  unpinNodeOutput: GraphEdit;
  /** Replaces the node's config (validated against the component's JSON Schema); label and settings when given. */
  updateComponentConfig: GraphEdit;
  /**
   * Announces where the caller is in a project (cursor, selection — the seed's component_move / selection_change
   * moments). One entry per client session: a client names its session (e.g. one per browser tab) with `sessionId`,
   * so two tabs of one user are two entries of the same user; without it the user has one entry. Entries expire
   * `ttlSeconds` after the last update — that is for lost connections: a client closing leaves at once
   * (leavePresence, or the `presence(projectId, sessionId)` subscription ending).
   */
  updatePresence: PresenceEntry;
  /** Changes a project's name, description, status or metadata (fields left out stay as they are). */
  updateProject: Project;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationAddComponentArgs = {
  componentId: Scalars['ID']['input'];
  config?: InputMaybe<Scalars['JSON']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  position?: InputMaybe<PositionInput>;
  projectId: Scalars['ID']['input'];
  settings?: InputMaybe<NodeSettingsInput>;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationAddProjectMemberArgs = {
  projectId: Scalars['ID']['input'];
  role: ProjectRole;
  userId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationApplyGraphEditsArgs = {
  edits: Array<GraphEditInput>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationCancelRunArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationConnectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
  sourceId: Scalars['ID']['input'];
  sourcePort: Scalars['String']['input'];
  targetId: Scalars['ID']['input'];
  targetPort: Scalars['String']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationCreateSecretArgs = {
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  value: Scalars['String']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationDeleteProjectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationDeleteSecretArgs = {
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationDisconnectArgs = {
  connectionId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationDuplicateNodesArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeIds: Array<Scalars['ID']['input']>;
  offset?: InputMaybe<PositionInput>;
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationExecuteWorkflowArgs = {
  fromNodeId?: InputMaybe<Scalars['ID']['input']>;
  inputs?: InputMaybe<Scalars['JSON']['input']>;
  mode?: InputMaybe<RunMode>;
  projectId: Scalars['ID']['input'];
  usePinned?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationImportProjectArgs = {
  document: Scalars['JSON']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationLeavePresenceArgs = {
  projectId: Scalars['ID']['input'];
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationMoveComponentArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  position: PositionInput;
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationPinNodeOutputArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  output: Scalars['JSON']['input'];
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationRedoArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationRemoveComponentArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationRemoveProjectMemberArgs = {
  projectId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationUndoArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationUnpinNodeOutputArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationUpdateComponentConfigArgs = {
  config?: InputMaybe<Scalars['JSON']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  nodeId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
  settings?: InputMaybe<NodeSettingsInput>;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationUpdatePresenceArgs = {
  cursor?: InputMaybe<PositionInput>;
  projectId: Scalars['ID']['input'];
  selection?: InputMaybe<Array<Scalars['ID']['input']>>;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};


/** Writes. Project edits are versioned changes; pass `expectedVersion` to make one conditional. */
export type MutationUpdateProjectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateProjectInput;
};

/** Execution policy of a node. */
export type NodeSettings = {
  __typename?: 'NodeSettings';
  /** Outputs used with onError CONTINUE. */
  defaultOutputs?: Maybe<Scalars['JSON']['output']>;
  /** What happens when the node finally fails. */
  onError?: Maybe<OnError>;
  /** Retries after a failed attempt. */
  retries?: Maybe<Scalars['Int']['output']>;
  /** Wait before the first retry, doubled for each further one. */
  retryBackoffMs?: Maybe<Scalars['Int']['output']>;
  /** Time limit of one attempt, in milliseconds. */
  timeoutMs?: Maybe<Scalars['Int']['output']>;
};

/** Execution policy of a node. */
export type NodeSettingsInput = {
  /** Outputs used with onError CONTINUE. */
  defaultOutputs?: InputMaybe<Scalars['JSON']['input']>;
  /** What happens when the node finally fails. */
  onError?: InputMaybe<OnError>;
  /** Retries after a failed attempt. */
  retries?: InputMaybe<Scalars['Int']['input']>;
  /** Wait before the first retry, doubled for each further one. */
  retryBackoffMs?: InputMaybe<Scalars['Int']['input']>;
  /** Time limit of one attempt, in milliseconds. */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

/** What a node does when it fails after its retries. */
export type OnError =
  /** The run goes on with the node's `defaultOutputs`. */
  | 'CONTINUE'
  /** The run fails. */
  | 'FAIL'
  /** Only the node's implicit error port fires (with the message and code), to a handling branch. */
  | 'ROUTE';

/** Cursor pagination state. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass it as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when there are more items. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A point on the canvas. */
export type Position = {
  __typename?: 'Position';
  /** Horizontal coordinate. */
  x: Scalars['Float']['output'];
  /** Vertical coordinate. */
  y: Scalars['Float']['output'];
};

/** A point on the canvas. */
export type PositionInput = {
  /** Horizontal coordinate. */
  x: Scalars['Float']['input'];
  /** Vertical coordinate. */
  y: Scalars['Float']['input'];
};

/** Who is in a project right now, and where. */
export type PresenceEntry = {
  __typename?: 'PresenceEntry';
  /** Their cursor on the canvas. */
  cursor?: Maybe<Position>;
  /** When the entry disappears without another update. */
  expiresAt: Scalars['DateTime']['output'];
  /** Their display name, from their token. */
  name?: Maybe<Scalars['String']['output']>;
  /** The node ids they have selected. */
  selection: Array<Scalars['ID']['output']>;
  /** The client session (browser tab) the entry belongs to; the user id for clients that name none. */
  sessionId: Scalars['ID']['output'];
  /** Their last update. */
  updatedAt: Scalars['DateTime']['output'];
  /** The user. */
  userId: Scalars['ID']['output'];
};

/** A workflow project: a graph of component instances (nodes) joined by connections, with its change log, runs and members. */
export type Project = {
  __typename?: 'Project';
  /** The agent it belongs to, if any (the seed's agent_id). */
  agentId?: Maybe<Scalars['String']['output']>;
  /** The change log after `sinceVersion`, oldest first. */
  changes: Array<ProjectChange>;
  /** Its nodes. */
  components: Array<ComponentInstance>;
  /** The connections between its nodes. */
  connections: Array<Connection>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description (may be empty). */
  description: Scalars['String']['output'];
  /** The project's id. */
  id: Scalars['ID']['output'];
  /** The owner (creator) first, then members. */
  members: Array<ProjectMember>;
  /** Free-form data of the client. */
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** The caller's role on this project. */
  myRole: ProjectRole;
  /** Its name. */
  name: Scalars['String']['output'];
  /** The owner (creator). */
  ownerId: Scalars['String']['output'];
  /** Who is in the project now. */
  presence: Array<PresenceEntry>;
  /** Runs of this project, newest first. */
  runs: Array<WorkflowRun>;
  /** The project's named secrets (never their values). */
  secrets: Array<ProjectSecret>;
  /** Its lifecycle stage. */
  status: ProjectStatus;
  /** The template it was created from, if any. */
  templateId?: Maybe<Scalars['String']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Errors block execution; warnings do not. */
  validation: ValidationReport;
  /** Bumped by every change; pass it back as `expectedVersion` for optimistic concurrency. */
  version: Scalars['Int']['output'];
};


/** A workflow project: a graph of component instances (nodes) joined by connections, with its change log, runs and members. */
export type ProjectChangesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceVersion?: InputMaybe<Scalars['Int']['input']>;
};


/** A workflow project: a graph of component instances (nodes) joined by connections, with its change log, runs and members. */
export type ProjectRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The caller's role on one project. */
export type ProjectAccess = {
  __typename?: 'ProjectAccess';
  /** The project asked about. */
  projectId: Scalars['ID']['output'];
  /** The caller's role; null when they have no access or the project does not exist. */
  role?: Maybe<ProjectRole>;
};

/** One entry of a project's change log. */
export type ProjectChange = {
  __typename?: 'ProjectChange';
  /** Who made it. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The operation (createProject, addNode, connect, applyGraphEdits, …). */
  op: Scalars['String']['output'];
  /** What changed, as the operation recorded it. */
  payload: Scalars['JSON']['output'];
  /** The project version this change produced. */
  version: Scalars['Int']['output'];
};

/** A page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The projects on this page. */
  nodes: Array<Project>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many projects the caller has in all. */
  totalCount: Scalars['Int']['output'];
};

/** A user with a role on a project. */
export type ProjectMember = {
  __typename?: 'ProjectMember';
  /** When. */
  addedAt: Scalars['DateTime']['output'];
  /** Who gave them the role. */
  addedBy: Scalars['ID']['output'];
  /** Their role. */
  role: ProjectRole;
  /** The user (their token's `sub`). */
  userId: Scalars['ID']['output'];
};

/** viewer: read; editor: also edit, execute, debug, deploy, apply suggestions; owner: also delete and membership. */
export type ProjectRole =
  /** Also edits, executes, debugs, generates code, deploys and applies suggestions. */
  | 'EDITOR'
  /** Also deletes the project and manages members and secrets (the creator). */
  | 'OWNER'
  /** Reads the project and everything of it. */
  | 'VIEWER';

/** A named secret: only its name and dates are ever returned. */
export type ProjectSecret = {
  __typename?: 'ProjectSecret';
  /** When it was first stored. */
  createdAt: Scalars['DateTime']['output'];
  /** Who stored it. */
  createdBy: Scalars['ID']['output'];
  /** The name configs refer to (`{"$secret": "NAME"}`). */
  name: Scalars['String']['output'];
  /** When its value last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A project's lifecycle stage (a label; it does not restrict what can be done). */
export type ProjectStatus =
  /** Kept, no longer worked on. */
  | 'ARCHIVED'
  /** Running somewhere. */
  | 'DEPLOYED'
  /** Being built. */
  | 'DEVELOPMENT'
  /** Just created. */
  | 'DRAFT'
  /** Being tested. */
  | 'TESTING';

/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type Query = {
  __typename?: 'Query';
  /** The caller's API keys (never the keys themselves). */
  apiKeys: Array<ApiKey>;
  /**
   * The project as a versioned JSON document (`format: "visual-builder/project"`, `version: 1`) holding its name,
   * description, metadata and graph; its JSON Schema is schema/project-document.schema.json, served at
   * /schemas/project-document.json. importProject reads it back.
   */
  exportProject: Scalars['JSON']['output'];
  /** A project the caller can see; null when it does not exist. */
  project?: Maybe<Project>;
  /** The caller's role on each project (null: no access, or no such project). Other services ask this on every read. */
  projectAccess: Array<ProjectAccess>;
  /** The caller's projects, oldest first, paginated with an opaque cursor. */
  projects: ProjectConnection;
  /** Router only: who an API key belongs to (null when unknown or revoked). */
  resolveApiKey?: Maybe<ApiKeyOwner>;
  /** A run the caller can see. */
  run?: Maybe<WorkflowRun>;
};


/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type QueryExportProjectArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type QueryProjectAccessArgs = {
  projectIds: Array<Scalars['ID']['input']>;
};


/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type QueryResolveApiKeyArgs = {
  key: Scalars['String']['input'];
};


/** Reads. Every field checks the caller's access: a project the caller cannot see looks like one that does not exist. */
export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};

/** Removes a node. */
export type RemoveNodeInput = {
  /** The node. */
  nodeId: Scalars['ID']['input'];
};

/** An error with a stable code. */
export type RunError = {
  __typename?: 'RunError';
  /** A stable code (e.g. COMPONENT_ERROR, NODE_TIMEOUT, CANCELLED, LIMIT_RUN_TIME). */
  code: Scalars['String']['output'];
  /** What happened, for people. */
  message: Scalars['String']['output'];
};

/** How `executeWorkflow` answers. */
export type RunMode =
  /** Return the queued run at once; it proceeds in the background. */
  | 'ASYNC'
  /** Wait until the run ends and return it finished. */
  | 'SYNC';

/** Where a run stands. */
export type RunStatus =
  /** Stopped by `cancelRun`. */
  | 'CANCELLED'
  /** Ended with an error (see `error`). */
  | 'FAILED'
  /** Accepted, not started yet. */
  | 'QUEUED'
  /** Nodes are executing. */
  | 'RUNNING'
  /** Ended with outputs. */
  | 'SUCCEEDED';

/** One execution of one node. */
export type RunStep = {
  __typename?: 'RunStep';
  /** 1 for the first try, then one more per retry. */
  attempt: Scalars['Int']['output'];
  /** How long it took, in milliseconds. */
  durationMs: Scalars['Float']['output'];
  /** Why it failed. */
  error?: Maybe<RunError>;
  /** Enclosing map iterations, outermost first: [{parentNodeId, index}]. */
  frames: Scalars['JSON']['output'];
  /** The values it received, by port. */
  inputs?: Maybe<Scalars['JSON']['output']>;
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** The values it produced, by port. */
  outputs?: Maybe<Scalars['JSON']['output']>;
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** How it ended. */
  status: StepStatus;
};

/** How one node execution ended. */
export type StepStatus =
  /** Failed after its retries. */
  | 'FAILED'
  /** The node's pinned data stood in for running it. */
  | 'PINNED'
  /** The node's outputs of the last successful run stood in for running it (a partial run). */
  | 'REUSED'
  /** Still executing. */
  | 'RUNNING'
  /** Not executed: on a branch that was not taken. */
  | 'SKIPPED'
  /** Produced its outputs. */
  | 'SUCCEEDED';

/** What undo or redo did. */
export type UndoResult = {
  __typename?: 'UndoResult';
  /** The project after the change. */
  project: Project;
  /** Version of the change that was undone (or, for redo, of the undo that was reverted). */
  undoneVersion: Scalars['Int']['output'];
};

/** Changes a node. */
export type UpdateNodeInput = {
  /** The new config (replaces the old one). */
  config?: InputMaybe<Scalars['JSON']['input']>;
  /** The new label. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** The node. */
  nodeId: Scalars['ID']['input'];
  /** The new execution policy. */
  settings?: InputMaybe<NodeSettingsInput>;
};

/** Changes to a project; fields left out stay as they are. */
export type UpdateProjectInput = {
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New free-form data (replaces the old). */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new lifecycle stage. */
  status?: InputMaybe<ProjectStatus>;
};

/** One problem found in a project graph. */
export type ValidationIssue = {
  __typename?: 'ValidationIssue';
  /**
   * CYCLE, UNKNOWN_PORT, TYPE_MISMATCH, MISSING_INPUT, CONFIG_INVALID, CONFIG_MISSING (a required setting not filled in
   * yet), EXPRESSION_INVALID (syntax, unknown function, arity), UNKNOWN_VARIABLE, UNKNOWN_COMPONENT, DISCONNECTED, …
   */
  code: Scalars['String']['output'];
  /** The connection concerned, if any. */
  connectionId?: Maybe<Scalars['ID']['output']>;
  /** JSON pointer into the node's config, for CONFIG_INVALID, CONFIG_MISSING, EXPRESSION_INVALID and UNKNOWN_VARIABLE. */
  field?: Maybe<Scalars['String']['output']>;
  /** What is wrong, for people. */
  message: Scalars['String']['output'];
  /** The node concerned, if any. */
  nodeId?: Maybe<Scalars['ID']['output']>;
  /** The port concerned, if any. */
  port?: Maybe<Scalars['String']['output']>;
  /** 0-based offset of the problem in the expression or template at `field` (EXPRESSION_INVALID, UNKNOWN_VARIABLE). */
  position?: Maybe<Scalars['Int']['output']>;
};

/** A project graph checked against its components: errors block execution, warnings do not. */
export type ValidationReport = {
  __typename?: 'ValidationReport';
  /** Problems that block execution. */
  errors: Array<ValidationIssue>;
  /** True when there is no error. */
  valid: Scalars['Boolean']['output'];
  /** Problems that do not block execution. */
  warnings: Array<ValidationIssue>;
};

/** One execution of a pinned project version. */
export type WorkflowRun = {
  __typename?: 'WorkflowRun';
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** From start to end, in milliseconds. */
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** Why it failed. */
  error?: Maybe<RunError>;
  /**
   * The run's recorded events with `seq >= fromSeq`, in order (the same payloads `runEvents` streams, with secrets
   * masked); at most `first` (1–1000). Kept with the run, bounded.
   */
  events: Array<Scalars['JSON']['output']>;
  /** When it ended. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The run's id. */
  id: Scalars['ID']['output'];
  /** The inputs it was given (secrets masked). */
  inputs: Scalars['JSON']['output'];
  /** The values of the graph's output nodes, by name, once it succeeded. */
  outputs?: Maybe<Scalars['JSON']['output']>;
  /** The project it ran. */
  projectId: Scalars['ID']['output'];
  /** The project version it ran (later edits do not change a run). */
  projectVersion: Scalars['Int']['output'];
  /** While QUEUED: how many runs start before this one (0: next); null once it has started. */
  queuePosition?: Maybe<Scalars['Int']['output']>;
  /**
   * How many times it went back to the queue because its worker was lost or shut down before any node acting outside
   * the run (model, network) had started (at most RUN_MAX_REQUEUES; see the RUN_REQUEUED events).
   */
  requeues: Scalars['Int']['output'];
  /** When its first node started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: RunStatus;
  /** One entry per node execution (map iterations included), in the order they finished; bounded. */
  steps: Array<RunStep>;
  /** True when steps or values were cut to keep the record bounded. */
  truncated: Scalars['Boolean']['output'];
};


/** One execution of a pinned project version. */
export type WorkflowRunEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  fromSeq?: InputMaybe<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Project: Project;
  WorkflowRun: WorkflowRun;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
  WorkflowRun:
    ( { __typename: 'WorkflowRun' }
    & GraphQLRecursivePick<FederationTypes['WorkflowRun'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddNodeInput: AddNodeInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApiKey: ResolverTypeWrapper<ApiKey>;
  ApiKeyOwner: ResolverTypeWrapper<ApiKeyOwner>;
  Component: ResolverTypeWrapper<EntityRef>;
  ComponentInstance: ResolverTypeWrapper<NodeInstance>;
  ConnectInput: ConnectInput;
  Connection: ResolverTypeWrapper<Connection>;
  CreateProjectInput: CreateProjectInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKey>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DisconnectInput: DisconnectInput;
  DuplicateNodesResult: ResolverTypeWrapper<Omit<DuplicateNodesResult, 'components' | 'project'> & { components: Array<ResolversTypes['ComponentInstance']>, project: ResolversTypes['Project'] }>;
  GraphEdit: ResolverTypeWrapper<GraphEditResult>;
  GraphEditInput: GraphEditInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MoveNodeInput: MoveNodeInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  NodeSettings: ResolverTypeWrapper<NodeSettings>;
  NodeSettingsInput: NodeSettingsInput;
  OnError: OnError;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Position: ResolverTypeWrapper<Position>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  PositionInput: PositionInput;
  PresenceEntry: ResolverTypeWrapper<PresenceRecord>;
  Project: ResolverTypeWrapper<ProjectRecord>;
  ProjectAccess: ResolverTypeWrapper<ProjectAccess>;
  ProjectChange: ResolverTypeWrapper<ProjectChangeRecord>;
  ProjectConnection: ResolverTypeWrapper<ProjectPage>;
  ProjectMember: ResolverTypeWrapper<ProjectMember>;
  ProjectRole: ProjectRole;
  ProjectSecret: ResolverTypeWrapper<ProjectSecret>;
  ProjectStatus: ProjectStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RemoveNodeInput: RemoveNodeInput;
  RunError: ResolverTypeWrapper<RunError>;
  RunMode: RunMode;
  RunStatus: RunStatus;
  RunStep: ResolverTypeWrapper<StepRecord>;
  StepStatus: StepStatus;
  UndoResult: ResolverTypeWrapper<Omit<UndoResult, 'project'> & { project: ResolversTypes['Project'] }>;
  UpdateNodeInput: UpdateNodeInput;
  UpdateProjectInput: UpdateProjectInput;
  ValidationIssue: ResolverTypeWrapper<ValidationIssue>;
  ValidationReport: ResolverTypeWrapper<ValidationReport>;
  WorkflowRun: ResolverTypeWrapper<RunSummary>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddNodeInput: AddNodeInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  ApiKey: ApiKey;
  ApiKeyOwner: ApiKeyOwner;
  Component: EntityRef;
  ComponentInstance: NodeInstance;
  ConnectInput: ConnectInput;
  Connection: Connection;
  CreateProjectInput: CreateProjectInput;
  CreatedApiKey: CreatedApiKey;
  DateTime: Scalars['DateTime']['output'];
  DeletePayload: DeletePayload;
  Boolean: Scalars['Boolean']['output'];
  DisconnectInput: DisconnectInput;
  DuplicateNodesResult: Omit<DuplicateNodesResult, 'components' | 'project'> & { components: Array<ResolversParentTypes['ComponentInstance']>, project: ResolversParentTypes['Project'] };
  GraphEdit: GraphEditResult;
  GraphEditInput: GraphEditInput;
  JSON: Scalars['JSON']['output'];
  MoveNodeInput: MoveNodeInput;
  Mutation: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  NodeSettings: NodeSettings;
  NodeSettingsInput: NodeSettingsInput;
  PageInfo: PageInfo;
  Position: Position;
  Float: Scalars['Float']['output'];
  PositionInput: PositionInput;
  PresenceEntry: PresenceRecord;
  Project: ProjectRecord;
  ProjectAccess: ProjectAccess;
  ProjectChange: ProjectChangeRecord;
  ProjectConnection: ProjectPage;
  ProjectMember: ProjectMember;
  ProjectSecret: ProjectSecret;
  Query: Record<PropertyKey, never>;
  RemoveNodeInput: RemoveNodeInput;
  RunError: RunError;
  RunStep: StepRecord;
  UndoResult: Omit<UndoResult, 'project'> & { project: ResolversParentTypes['Project'] };
  UpdateNodeInput: UpdateNodeInput;
  UpdateProjectInput: UpdateProjectInput;
  ValidationIssue: ValidationIssue;
  ValidationReport: ValidationReport;
  WorkflowRun: RunSummary;
}>;

export type ApiKeyResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type ApiKeyOwnerResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ApiKeyOwner'] = ResolversParentTypes['ApiKeyOwner']> = ResolversObject<{
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ComponentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Component'] = ResolversParentTypes['Component']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ComponentInstanceResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ComponentInstance'] = ResolversParentTypes['ComponentInstance']> = ResolversObject<{
  component?: Resolver<ResolversTypes['Component'], ParentType, ContextType>;
  componentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  componentVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pinnedOutput?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  settings?: Resolver<Maybe<ResolversTypes['NodeSettings']>, ParentType, ContextType>;
}>;

export type ConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Connection'] = ResolversParentTypes['Connection']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourcePort?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetPort?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletePayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = ResolversObject<{
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DuplicateNodesResultResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DuplicateNodesResult'] = ResolversParentTypes['DuplicateNodesResult']> = ResolversObject<{
  components?: Resolver<Array<ResolversTypes['ComponentInstance']>, ParentType, ContextType>;
  connections?: Resolver<Array<ResolversTypes['Connection']>, ParentType, ContextType>;
  idMap?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
}>;

export type GraphEditResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['GraphEdit'] = ResolversParentTypes['GraphEdit']> = ResolversObject<{
  component?: Resolver<Maybe<ResolversTypes['ComponentInstance']>, ParentType, ContextType>;
  connection?: Resolver<Maybe<ResolversTypes['Connection']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addComponent?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationAddComponentArgs, 'componentId' | 'projectId'>>;
  addProjectMember?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationAddProjectMemberArgs, 'projectId' | 'role' | 'userId'>>;
  applyGraphEdits?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationApplyGraphEditsArgs, 'edits' | 'projectId'>>;
  cancelRun?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType, RequireFields<MutationCancelRunArgs, 'id'>>;
  connect?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationConnectArgs, 'projectId' | 'sourceId' | 'sourcePort' | 'targetId' | 'targetPort'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name'>>;
  createProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationCreateProjectArgs, 'input'>>;
  createSecret?: Resolver<ResolversTypes['ProjectSecret'], ParentType, ContextType, RequireFields<MutationCreateSecretArgs, 'name' | 'projectId' | 'value'>>;
  deleteProject?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteProjectArgs, 'id'>>;
  deleteSecret?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteSecretArgs, 'name' | 'projectId'>>;
  disconnect?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationDisconnectArgs, 'connectionId' | 'projectId'>>;
  duplicateNodes?: Resolver<ResolversTypes['DuplicateNodesResult'], ParentType, ContextType, RequireFields<MutationDuplicateNodesArgs, 'nodeIds' | 'projectId'>>;
  executeWorkflow?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType, RequireFields<MutationExecuteWorkflowArgs, 'mode' | 'projectId' | 'usePinned'>>;
  importProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationImportProjectArgs, 'document'>>;
  leavePresence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLeavePresenceArgs, 'projectId'>>;
  moveComponent?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationMoveComponentArgs, 'nodeId' | 'position' | 'projectId'>>;
  pinNodeOutput?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationPinNodeOutputArgs, 'nodeId' | 'output' | 'projectId'>>;
  redo?: Resolver<ResolversTypes['UndoResult'], ParentType, ContextType, RequireFields<MutationRedoArgs, 'projectId'>>;
  removeComponent?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationRemoveComponentArgs, 'nodeId' | 'projectId'>>;
  removeProjectMember?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationRemoveProjectMemberArgs, 'projectId' | 'userId'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  undo?: Resolver<ResolversTypes['UndoResult'], ParentType, ContextType, RequireFields<MutationUndoArgs, 'projectId'>>;
  unpinNodeOutput?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationUnpinNodeOutputArgs, 'nodeId' | 'projectId'>>;
  updateComponentConfig?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationUpdateComponentConfigArgs, 'nodeId' | 'projectId'>>;
  updatePresence?: Resolver<ResolversTypes['PresenceEntry'], ParentType, ContextType, RequireFields<MutationUpdatePresenceArgs, 'projectId' | 'ttlSeconds'>>;
  updateProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationUpdateProjectArgs, 'id' | 'input'>>;
}>;

export type NodeSettingsResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['NodeSettings'] = ResolversParentTypes['NodeSettings']> = ResolversObject<{
  defaultOutputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  onError?: Resolver<Maybe<ResolversTypes['OnError']>, ParentType, ContextType>;
  retries?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  retryBackoffMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  timeoutMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PositionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = ResolversObject<{
  x?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type PresenceEntryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PresenceEntry'] = ResolversParentTypes['PresenceEntry']> = ResolversObject<{
  cursor?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  selection?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['ProjectChange']>, ParentType, ContextType, RequireFields<ProjectChangesArgs, 'first' | 'sinceVersion'>>;
  components?: Resolver<Array<ResolversTypes['ComponentInstance']>, ParentType, ContextType>;
  connections?: Resolver<Array<ResolversTypes['Connection']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['ProjectMember']>, ParentType, ContextType>;
  metadata?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  myRole?: Resolver<ResolversTypes['ProjectRole'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  presence?: Resolver<Array<ResolversTypes['PresenceEntry']>, ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['WorkflowRun']>, ParentType, ContextType, RequireFields<ProjectRunsArgs, 'first'>>;
  secrets?: Resolver<Array<ResolversTypes['ProjectSecret']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProjectStatus'], ParentType, ContextType>;
  templateId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validation?: Resolver<ResolversTypes['ValidationReport'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProjectAccessResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectAccess'] = ResolversParentTypes['ProjectAccess']> = ResolversObject<{
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['ProjectRole']>, ParentType, ContextType>;
}>;

export type ProjectChangeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectChange'] = ResolversParentTypes['ProjectChange']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProjectConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectConnection'] = ResolversParentTypes['ProjectConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProjectMemberResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectMember'] = ResolversParentTypes['ProjectMember']> = ResolversObject<{
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  addedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ProjectRole'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ProjectSecretResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectSecret'] = ResolversParentTypes['ProjectSecret']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  exportProject?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<QueryExportProjectArgs, 'id'>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projectAccess?: Resolver<Array<ResolversTypes['ProjectAccess']>, ParentType, ContextType, RequireFields<QueryProjectAccessArgs, 'projectIds'>>;
  projects?: Resolver<ResolversTypes['ProjectConnection'], ParentType, ContextType, RequireFields<QueryProjectsArgs, 'first'>>;
  resolveApiKey?: Resolver<Maybe<ResolversTypes['ApiKeyOwner']>, ParentType, ContextType, RequireFields<QueryResolveApiKeyArgs, 'key'>>;
  run?: Resolver<Maybe<ResolversTypes['WorkflowRun']>, ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
}>;

export type RunErrorResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['RunError'] = ResolversParentTypes['RunError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RunStepResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['RunStep'] = ResolversParentTypes['RunStep']> = ResolversObject<{
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['RunError']>, ParentType, ContextType>;
  frames?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  inputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StepStatus'], ParentType, ContextType>;
}>;

export type UndoResultResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['UndoResult'] = ResolversParentTypes['UndoResult']> = ResolversObject<{
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  undoneVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ValidationIssueResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ValidationIssue'] = ResolversParentTypes['ValidationIssue']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connectionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  port?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ValidationReportResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ValidationReport'] = ResolversParentTypes['ValidationReport']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['ValidationIssue']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['ValidationIssue']>, ParentType, ContextType>;
}>;

export type WorkflowRunResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['WorkflowRun'] = ResolversParentTypes['WorkflowRun'], FederationReferenceType extends FederationReferenceTypes['WorkflowRun'] = FederationReferenceTypes['WorkflowRun']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkflowRun']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['RunError']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['JSON']>, ParentType, ContextType, RequireFields<WorkflowRunEventsArgs, 'first' | 'fromSeq'>>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queuePosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  requeues?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['RunStep']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SubgraphContext> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyOwner?: ApiKeyOwnerResolvers<ContextType>;
  Component?: ComponentResolvers<ContextType>;
  ComponentInstance?: ComponentInstanceResolvers<ContextType>;
  Connection?: ConnectionResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeletePayload?: DeletePayloadResolvers<ContextType>;
  DuplicateNodesResult?: DuplicateNodesResultResolvers<ContextType>;
  GraphEdit?: GraphEditResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  NodeSettings?: NodeSettingsResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  PresenceEntry?: PresenceEntryResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectAccess?: ProjectAccessResolvers<ContextType>;
  ProjectChange?: ProjectChangeResolvers<ContextType>;
  ProjectConnection?: ProjectConnectionResolvers<ContextType>;
  ProjectMember?: ProjectMemberResolvers<ContextType>;
  ProjectSecret?: ProjectSecretResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RunError?: RunErrorResolvers<ContextType>;
  RunStep?: RunStepResolvers<ContextType>;
  UndoResult?: UndoResultResolvers<ContextType>;
  ValidationIssue?: ValidationIssueResolvers<ContextType>;
  ValidationReport?: ValidationReportResolvers<ContextType>;
  WorkflowRun?: WorkflowRunResolvers<ContextType>;
}>;

