import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { EntityRef } from '../../../platform/entity-ref';
import { DeploymentRecord } from '../deployment-store';
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

/** A deployment of a pinned project version to a target and environment. */
export type Deployment = {
  __typename?: 'Deployment';
  /** Whether autoscaling was asked for. */
  autoScale: Scalars['Boolean']['output'];
  /** The code artifact the program was generated from. */
  codeArtifactId?: Maybe<Scalars['ID']['output']>;
  /** The resolved configuration (environment defaults + overrides), in the legacy shape. */
  config?: Maybe<Scalars['JSON']['output']>;
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Path on the deployment service of the zip of the program and its artefacts. */
  downloadPath: Scalars['String']['output'];
  /**
   * Where a running deployment answers (LOCAL): POST /run, GET /health. In multi-user mode the program is isolated and
   * this is a path on the router (`/deployments/{id}/endpoint`) that needs the caller's credentials and the editor role
   * on the project; in the local single-user mode, `http://127.0.0.1:<port>`.
   */
  endpoint?: Maybe<Scalars['String']['output']>;
  /** The environment (development, staging, production). */
  environment: Scalars['String']['output'];
  /** Why it failed. */
  error?: Maybe<Scalars['String']['output']>;
  /** The target's artefacts (`program: true` adds the generated project's files). */
  files: Array<DeploymentFile>;
  /** Every status it went through, oldest first. */
  history: Array<DeploymentStatusChange>;
  /** The deployment's id. */
  id: Scalars['ID']['output'];
  /** The generated program's language. */
  language: Scalars['String']['output'];
  /** The last `last` lifecycle log lines (at most 200 are kept). */
  logs: Array<DeploymentLogLine>;
  /** The tail of a LOCAL program's own output. */
  output?: Maybe<Scalars['String']['output']>;
  /** The project deployed. */
  projectId: Scalars['ID']['output'];
  /** The project version deployed. */
  projectVersion: Scalars['Int']['output'];
  /** For a rollback: the deployment whose program it redeploys. */
  rollbackOf?: Maybe<Scalars['ID']['output']>;
  /** Where it stands. */
  status: DeploymentStatus;
  /** Where it goes. */
  target: DeploymentTarget;
  /** When its status last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A deployment of a pinned project version to a target and environment. */
export type DeploymentFilesArgs = {
  program?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A deployment of a pinned project version to a target and environment. */
export type DeploymentLogsArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A file the deployment produced (Dockerfile, manifests, chart, …) or the generated program it deploys. */
export type DeploymentFile = {
  __typename?: 'DeploymentFile';
  /** Its text. */
  content: Scalars['String']['output'];
  /** `artifact` (made for the target) or `program` (the generated project). */
  kind: Scalars['String']['output'];
  /** Its path. */
  path: Scalars['String']['output'];
  /** Its size in bytes. */
  size: Scalars['Int']['output'];
};

/** A line of a deployment's lifecycle log. */
export type DeploymentLogLine = {
  __typename?: 'DeploymentLogLine';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The log level (info, …). */
  level: Scalars['String']['output'];
  /** What happened. */
  message: Scalars['String']['output'];
};

/** Where a deployment stands. */
export type DeploymentStatus =
  /** Generating the program and the target's artefacts. */
  | 'BUILDING'
  /** Cancelled before it was deployed. */
  | 'CANCELLED'
  /** Starting the program (LOCAL) or finishing the artefacts. */
  | 'DEPLOYING'
  /** Failed (see `error` and `logs`). */
  | 'FAILED'
  /** Queued. */
  | 'PENDING'
  /** The artefacts are ready to download (targets other than LOCAL). */
  | 'READY'
  /** A LOCAL program is running and answers at `endpoint`. */
  | 'RUNNING'
  /** Stopped by stopDeployment. */
  | 'STOPPED';

/** One status a deployment went through. */
export type DeploymentStatusChange = {
  __typename?: 'DeploymentStatusChange';
  /** When it was reached. */
  at: Scalars['DateTime']['output'];
  /** Why, when there is more to say (e.g. the failure). */
  reason?: Maybe<Scalars['String']['output']>;
  /** The status. */
  status: DeploymentStatus;
};

/** Where a deployment goes. */
export type DeploymentTarget =
  /** A Compose file. */
  | 'COMPOSE'
  /** A Dockerfile and image context. */
  | 'DOCKER'
  /** A Helm chart. */
  | 'HELM'
  /** Kubernetes manifests. */
  | 'KUBERNETES'
  /** Run the generated program as a process on this host (isolated in multi-user mode). */
  | 'LOCAL'
  /** An AWS SAM template for one Lambda function (the program behind the Lambda Web Adapter). */
  | 'SERVERLESS_AWS'
  /** A Cloud Run service (Knative serving) running the image the Dockerfile builds. */
  | 'SERVERLESS_GCP';

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a PENDING, BUILDING or DEPLOYING deployment (CONFLICT otherwise). */
  cancelDeployment: Deployment;
  /**
   * Deploys the project's current version. Returns at once (PENDING); the work proceeds in the background and is
   * observable through `deployment(id)` and the `deploymentEvents` subscription. `overrides` deep-merge into the
   * environment's defaults (see deploymentConfigTemplates); a field of the wrong type is refused with BAD_USER_INPUT.
   * `language` picks the generated program: typescript, javascript or python.
   */
  deploy: Deployment;
  /** Redeploys the newest earlier successful deployment of the same project and environment as a new deployment. */
  rollbackDeployment: Deployment;
  /** Stops a RUNNING (ends its process) or READY deployment (CONFLICT otherwise). */
  stopDeployment: Deployment;
};


export type MutationCancelDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeployArgs = {
  autoScale?: InputMaybe<Scalars['Boolean']['input']>;
  environment?: Scalars['String']['input'];
  language?: InputMaybe<Scalars['String']['input']>;
  overrides?: InputMaybe<Scalars['JSON']['input']>;
  projectId: Scalars['ID']['input'];
  target?: DeploymentTarget;
};


export type MutationRollbackDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStopDeploymentArgs = {
  id: Scalars['ID']['input'];
};

export type Project = {
  __typename?: 'Project';
  /** Deployments of this project, newest first. */
  deployments: Array<Deployment>;
  /** The project's id. */
  id: Scalars['ID']['output'];
};


export type ProjectDeploymentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** A deployment the caller can see. */
  deployment?: Maybe<Deployment>;
  /** Each environment's default configuration (the legacy `GET /config/templates`): {development, staging, production}. */
  deploymentConfigTemplates: Scalars['JSON']['output'];
  /** A project's deployments, newest first (the legacy `GET /deployments?project_id=`). */
  deployments: Array<Deployment>;
};


export type QueryDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDeploymentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
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
  Deployment: Deployment;
  Project: Project;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Deployment:
    ( { __typename: 'Deployment' }
    & GraphQLRecursivePick<FederationTypes['Deployment'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Deployment: ResolverTypeWrapper<DeploymentRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DeploymentFile: ResolverTypeWrapper<DeploymentFile>;
  DeploymentLogLine: ResolverTypeWrapper<DeploymentLogLine>;
  DeploymentStatus: DeploymentStatus;
  DeploymentStatusChange: ResolverTypeWrapper<DeploymentStatusChange>;
  DeploymentTarget: DeploymentTarget;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Project: ResolverTypeWrapper<EntityRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Deployment: DeploymentRecord;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  DeploymentFile: DeploymentFile;
  DeploymentLogLine: DeploymentLogLine;
  DeploymentStatusChange: DeploymentStatusChange;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Project: EntityRef;
  Query: Record<PropertyKey, never>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeploymentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Deployment'] = ResolversParentTypes['Deployment'], FederationReferenceType extends FederationReferenceTypes['Deployment'] = FederationReferenceTypes['Deployment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Deployment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  autoScale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  codeArtifactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  config?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endpoint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  environment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['DeploymentFile']>, ParentType, ContextType, RequireFields<DeploymentFilesArgs, 'program'>>;
  history?: Resolver<Array<ResolversTypes['DeploymentStatusChange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  logs?: Resolver<Array<ResolversTypes['DeploymentLogLine']>, ParentType, ContextType, RequireFields<DeploymentLogsArgs, 'last'>>;
  output?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rollbackOf?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeploymentStatus'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['DeploymentTarget'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type DeploymentFileResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeploymentFile'] = ResolversParentTypes['DeploymentFile']> = ResolversObject<{
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DeploymentLogLineResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeploymentLogLine'] = ResolversParentTypes['DeploymentLogLine']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DeploymentStatusChangeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeploymentStatusChange'] = ResolversParentTypes['DeploymentStatusChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeploymentStatus'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationCancelDeploymentArgs, 'id'>>;
  deploy?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationDeployArgs, 'autoScale' | 'environment' | 'language' | 'projectId' | 'target'>>;
  rollbackDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationRollbackDeploymentArgs, 'id'>>;
  stopDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationStopDeploymentArgs, 'id'>>;
}>;

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  deployments?: Resolver<Array<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<ProjectDeploymentsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  deployment?: Resolver<Maybe<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<QueryDeploymentArgs, 'id'>>;
  deploymentConfigTemplates?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deployments?: Resolver<Array<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<QueryDeploymentsArgs, 'first' | 'projectId'>>;
}>;

export type Resolvers<ContextType = SubgraphContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Deployment?: DeploymentResolvers<ContextType>;
  DeploymentFile?: DeploymentFileResolvers<ContextType>;
  DeploymentLogLine?: DeploymentLogLineResolvers<ContextType>;
  DeploymentStatusChange?: DeploymentStatusChangeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

