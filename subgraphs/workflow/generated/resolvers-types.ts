import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ProjectRecord, ProjectChangeRecord, ProjectPage } from '../project-store';
import { NodeInstance } from '../../../engine/model/types';
import { GraphEditResult } from '../project-service';
import { EntityRef } from '../../../platform/entity-ref';
import { RunRecord } from '../run-store';
import { StepRecord } from '../../../engine/runtime/types';
import { PresenceRecord } from '../presence-store';
import { SubgraphContext } from '../../../platform/subgraph-server';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
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

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The public part (`vbk_<id>`), to recognise a key. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ApiKeyOwner = {
  __typename?: 'ApiKeyOwner';
  keyId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

export type Component = {
  __typename?: 'Component';
  id: Scalars['ID']['output'];
};

/** A node: one instance of a registry component. */
export type ComponentInstance = {
  __typename?: 'ComponentInstance';
  component: Component;
  componentId: Scalars['ID']['output'];
  /** The component version pinned when the node was added. */
  componentVersion: Scalars['String']['output'];
  config: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  position: Position;
  settings?: Maybe<NodeSettings>;
};

export type Connection = {
  __typename?: 'Connection';
  id: Scalars['ID']['output'];
  sourceId: Scalars['ID']['output'];
  sourcePort: Scalars['String']['output'];
  targetId: Scalars['ID']['output'];
  targetPort: Scalars['String']['output'];
};

export type CreateProjectInput = {
  agentId?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  name: Scalars['String']['input'];
  /** Start as a copy of this registry template's graph. */
  templateId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The full key: send it as `Authorization: Bearer <key>` or `x-api-key`. It cannot be shown again. */
  key: Scalars['String']['output'];
};

export type DeletePayload = {
  __typename?: 'DeletePayload';
  deleted: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
};

/** The result of a graph edit: the project after it, and the node or connection it touched. */
export type GraphEdit = {
  __typename?: 'GraphEdit';
  component?: Maybe<ComponentInstance>;
  connection?: Maybe<Connection>;
  project: Project;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a node; the component version is pinned. `id` may be chosen by the client (unique within the project). */
  addComponent: GraphEdit;
  /** Owners only: gives a user a role on the project (or changes it). A versioned change on the project's log. */
  addProjectMember: Project;
  /**
   * Applies a list of graph edits as one change (one version): `[{op: "addNode", node}, {op: "moveNode", nodeId,
   * position}, {op: "updateNode", nodeId, config?, label?, settings?}, {op: "removeNode", nodeId}, {op: "connect",
   * connection}, {op: "disconnect", connectionId}]`. Refused when it adds a validation error the project did not have.
   */
  applyGraphEdits: GraphEdit;
  /** Cancels a queued or running run; running nodes are aborted. */
  cancelRun: WorkflowRun;
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
  deleteProject: DeletePayload;
  /** Owners only: deletes a named secret. */
  deleteSecret: Scalars['Boolean']['output'];
  disconnect: GraphEdit;
  /**
   * Runs the project's current version. Validation errors block the run (INVALID_GRAPH listing them). SYNC waits for
   * the end; ASYNC returns the queued run at once (follow it with `run(id)` or the `runEvents` subscription).
   */
  executeWorkflow: WorkflowRun;
  /** Leaves a project's presence at once. */
  leavePresence: Scalars['Boolean']['output'];
  moveComponent: GraphEdit;
  /** Removes a node and every connection touching it. */
  removeComponent: GraphEdit;
  /** Owners only: removes a member; their subscriptions to the project end. */
  removeProjectMember: Project;
  /** Revokes one of the caller's API keys (the router may accept it for up to 30 seconds more from its cache). */
  revokeApiKey: ApiKey;
  /** Replaces the node's config (validated against the component's JSON Schema); label and settings when given. */
  updateComponentConfig: GraphEdit;
  /**
   * Announces where the caller is in a project (cursor, selection — the seed's component_move / selection_change
   * moments). Entries expire `ttlSeconds` after the last update, so a client that goes away disappears.
   */
  updatePresence: PresenceEntry;
  updateProject: Project;
};


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


export type MutationAddProjectMemberArgs = {
  projectId: Scalars['ID']['input'];
  role: ProjectRole;
  userId: Scalars['ID']['input'];
};


export type MutationApplyGraphEditsArgs = {
  edits: Scalars['JSON']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationCancelRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConnectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
  sourceId: Scalars['ID']['input'];
  sourcePort: Scalars['String']['input'];
  targetId: Scalars['ID']['input'];
  targetPort: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
};


export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


export type MutationCreateSecretArgs = {
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  value: Scalars['String']['input'];
};


export type MutationDeleteProjectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationDeleteSecretArgs = {
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationDisconnectArgs = {
  connectionId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationExecuteWorkflowArgs = {
  inputs?: InputMaybe<Scalars['JSON']['input']>;
  mode?: InputMaybe<RunMode>;
  projectId: Scalars['ID']['input'];
};


export type MutationLeavePresenceArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationMoveComponentArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  position: PositionInput;
  projectId: Scalars['ID']['input'];
};


export type MutationRemoveComponentArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationRemoveProjectMemberArgs = {
  projectId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateComponentConfigArgs = {
  config?: InputMaybe<Scalars['JSON']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  nodeId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
  settings?: InputMaybe<NodeSettingsInput>;
};


export type MutationUpdatePresenceArgs = {
  cursor?: InputMaybe<PositionInput>;
  projectId: Scalars['ID']['input'];
  selection?: InputMaybe<Array<Scalars['ID']['input']>>;
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUpdateProjectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateProjectInput;
};

/** Execution policy of a node. */
export type NodeSettings = {
  __typename?: 'NodeSettings';
  defaultOutputs?: Maybe<Scalars['JSON']['output']>;
  onError?: Maybe<OnError>;
  retries?: Maybe<Scalars['Int']['output']>;
  retryBackoffMs?: Maybe<Scalars['Int']['output']>;
  timeoutMs?: Maybe<Scalars['Int']['output']>;
};

export type NodeSettingsInput = {
  defaultOutputs?: InputMaybe<Scalars['JSON']['input']>;
  onError?: InputMaybe<OnError>;
  retries?: InputMaybe<Scalars['Int']['input']>;
  retryBackoffMs?: InputMaybe<Scalars['Int']['input']>;
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

export type OnError =
  | 'CONTINUE'
  | 'FAIL'
  | 'ROUTE';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Position = {
  __typename?: 'Position';
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

export type PositionInput = {
  x: Scalars['Float']['input'];
  y: Scalars['Float']['input'];
};

/** Who is in a project right now, and where. */
export type PresenceEntry = {
  __typename?: 'PresenceEntry';
  cursor?: Maybe<Position>;
  expiresAt: Scalars['DateTime']['output'];
  name?: Maybe<Scalars['String']['output']>;
  selection: Array<Scalars['ID']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  userId: Scalars['ID']['output'];
};

export type Project = {
  __typename?: 'Project';
  agentId?: Maybe<Scalars['String']['output']>;
  /** The change log after `sinceVersion`, oldest first. */
  changes: Array<ProjectChange>;
  components: Array<ComponentInstance>;
  connections: Array<Connection>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The owner (creator) first, then members. */
  members: Array<ProjectMember>;
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** The caller's role on this project. */
  myRole: ProjectRole;
  name: Scalars['String']['output'];
  ownerId: Scalars['String']['output'];
  /** Who is in the project now. */
  presence: Array<PresenceEntry>;
  /** Runs of this project, newest first. */
  runs: Array<WorkflowRun>;
  /** The project's named secrets (never their values). */
  secrets: Array<ProjectSecret>;
  status: ProjectStatus;
  templateId?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Errors block execution; warnings do not. */
  validation: ValidationReport;
  /** Bumped by every change; pass it back as `expectedVersion` for optimistic concurrency. */
  version: Scalars['Int']['output'];
};


export type ProjectChangesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceVersion?: InputMaybe<Scalars['Int']['input']>;
};


export type ProjectRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ProjectAccess = {
  __typename?: 'ProjectAccess';
  projectId: Scalars['ID']['output'];
  role?: Maybe<ProjectRole>;
};

export type ProjectChange = {
  __typename?: 'ProjectChange';
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  op: Scalars['String']['output'];
  payload: Scalars['JSON']['output'];
  version: Scalars['Int']['output'];
};

export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  nodes: Array<Project>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProjectMember = {
  __typename?: 'ProjectMember';
  addedAt: Scalars['DateTime']['output'];
  addedBy: Scalars['ID']['output'];
  role: ProjectRole;
  userId: Scalars['ID']['output'];
};

/** viewer: read; editor: also edit, execute, debug, deploy, apply suggestions; owner: also delete and membership. */
export type ProjectRole =
  | 'EDITOR'
  | 'OWNER'
  | 'VIEWER';

/** A named secret: only its name and dates are ever returned. */
export type ProjectSecret = {
  __typename?: 'ProjectSecret';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ProjectStatus =
  | 'ARCHIVED'
  | 'DEPLOYED'
  | 'DEVELOPMENT'
  | 'DRAFT'
  | 'TESTING';

export type Query = {
  __typename?: 'Query';
  /** The caller's API keys (never the keys themselves). */
  apiKeys: Array<ApiKey>;
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


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectAccessArgs = {
  projectIds: Array<Scalars['ID']['input']>;
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryResolveApiKeyArgs = {
  key: Scalars['String']['input'];
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};

export type RunError = {
  __typename?: 'RunError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type RunMode =
  | 'ASYNC'
  | 'SYNC';

export type RunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type RunStep = {
  __typename?: 'RunStep';
  attempt: Scalars['Int']['output'];
  durationMs: Scalars['Float']['output'];
  error?: Maybe<RunError>;
  /** Enclosing map iterations, outermost first: [{parentNodeId, index}]. */
  frames: Scalars['JSON']['output'];
  inputs?: Maybe<Scalars['JSON']['output']>;
  nodeId: Scalars['ID']['output'];
  outputs?: Maybe<Scalars['JSON']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: StepStatus;
};

export type StepStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SKIPPED'
  | 'SUCCEEDED';

export type UpdateProjectInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ProjectStatus>;
};

export type ValidationIssue = {
  __typename?: 'ValidationIssue';
  /** CYCLE, UNKNOWN_PORT, TYPE_MISMATCH, MISSING_INPUT, CONFIG_INVALID, UNKNOWN_COMPONENT, DISCONNECTED, … */
  code: Scalars['String']['output'];
  connectionId?: Maybe<Scalars['ID']['output']>;
  /** JSON pointer into the node's config, for CONFIG_INVALID. */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  nodeId?: Maybe<Scalars['ID']['output']>;
  port?: Maybe<Scalars['String']['output']>;
};

export type ValidationReport = {
  __typename?: 'ValidationReport';
  errors: Array<ValidationIssue>;
  valid: Scalars['Boolean']['output'];
  warnings: Array<ValidationIssue>;
};

/** One execution of a pinned project version. */
export type WorkflowRun = {
  __typename?: 'WorkflowRun';
  createdAt: Scalars['DateTime']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<RunError>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  inputs: Scalars['JSON']['output'];
  outputs?: Maybe<Scalars['JSON']['output']>;
  projectId: Scalars['ID']['output'];
  projectVersion: Scalars['Int']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: RunStatus;
  /** One entry per node execution (map iterations included), in the order they finished; bounded. */
  steps: Array<RunStep>;
  /** True when steps or values were cut to keep the record bounded. */
  truncated: Scalars['Boolean']['output'];
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
  ApiKey: ResolverTypeWrapper<ApiKey>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApiKeyOwner: ResolverTypeWrapper<ApiKeyOwner>;
  Component: ResolverTypeWrapper<EntityRef>;
  ComponentInstance: ResolverTypeWrapper<NodeInstance>;
  Connection: ResolverTypeWrapper<Connection>;
  CreateProjectInput: CreateProjectInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKey>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  GraphEdit: ResolverTypeWrapper<GraphEditResult>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
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
  RunError: ResolverTypeWrapper<RunError>;
  RunMode: RunMode;
  RunStatus: RunStatus;
  RunStep: ResolverTypeWrapper<StepRecord>;
  StepStatus: StepStatus;
  UpdateProjectInput: UpdateProjectInput;
  ValidationIssue: ResolverTypeWrapper<ValidationIssue>;
  ValidationReport: ResolverTypeWrapper<ValidationReport>;
  WorkflowRun: ResolverTypeWrapper<RunRecord>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKey;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  ApiKeyOwner: ApiKeyOwner;
  Component: EntityRef;
  ComponentInstance: NodeInstance;
  Connection: Connection;
  CreateProjectInput: CreateProjectInput;
  CreatedApiKey: CreatedApiKey;
  DateTime: Scalars['DateTime']['output'];
  DeletePayload: DeletePayload;
  Boolean: Scalars['Boolean']['output'];
  GraphEdit: GraphEditResult;
  JSON: Scalars['JSON']['output'];
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
  RunError: RunError;
  RunStep: StepRecord;
  UpdateProjectInput: UpdateProjectInput;
  ValidationIssue: ValidationIssue;
  ValidationReport: ValidationReport;
  WorkflowRun: RunRecord;
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
  executeWorkflow?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType, RequireFields<MutationExecuteWorkflowArgs, 'mode' | 'projectId'>>;
  leavePresence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLeavePresenceArgs, 'projectId'>>;
  moveComponent?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationMoveComponentArgs, 'nodeId' | 'position' | 'projectId'>>;
  removeComponent?: Resolver<ResolversTypes['GraphEdit'], ParentType, ContextType, RequireFields<MutationRemoveComponentArgs, 'nodeId' | 'projectId'>>;
  removeProjectMember?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationRemoveProjectMemberArgs, 'projectId' | 'userId'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
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

export type ValidationIssueResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ValidationIssue'] = ResolversParentTypes['ValidationIssue']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connectionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  port?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  ValidationIssue?: ValidationIssueResolvers<ContextType>;
  ValidationReport?: ValidationReportResolvers<ContextType>;
  WorkflowRun?: WorkflowRunResolvers<ContextType>;
}>;

