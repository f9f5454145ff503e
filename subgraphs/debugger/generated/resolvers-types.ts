import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { EntityRef } from '../../../platform/entity-ref';
import { DebugSessionRecord } from '../session-store';
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

/** A breakpoint before a node. */
export type Breakpoint = {
  __typename?: 'Breakpoint';
  /** Its condition, if any. */
  condition?: Maybe<Scalars['String']['output']>;
  /** Whether it breaks. */
  enabled: Scalars['Boolean']['output'];
  /** How many times the node was reached with the condition true. */
  hitCount: Scalars['Int']['output'];
  /** The last condition evaluation error (the session paused on it). */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The node it breaks before. */
  nodeId: Scalars['ID']['output'];
};

/** A breakpoint before a node. */
export type BreakpointInput = {
  /** An expression-language condition over `inputs` (the node's) and `vars` (finished nodes' outputs by node id). */
  condition?: InputMaybe<Scalars['String']['input']>;
  /** False keeps the breakpoint without breaking on it. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The node to break before. */
  nodeId: Scalars['ID']['input'];
};

/** A command to a debug session. */
export type DebugAction =
  /** Run to the next breakpoint or the end. */
  | 'CONTINUE'
  /** Pause a running session before its next node. */
  | 'PAUSE'
  /** Start the run over with the same inputs, breakpoints and watches. */
  | 'RESTART'
  /** Run to the first breakpoint (only before the run started). */
  | 'START'
  /** Pause before the next node, entering map sub-graphs. */
  | 'STEP_INTO'
  /** Run until the enclosing map iteration is left, then pause. */
  | 'STEP_OUT'
  /** Run the current node (a map node with all its iterations), pause before the next one. */
  | 'STEP_OVER'
  /** End the run. */
  | 'STOP';

/** An error with a stable code. */
export type DebugError = {
  __typename?: 'DebugError';
  /** A stable code. */
  code: Scalars['String']['output'];
  /** What happened, for people. */
  message: Scalars['String']['output'];
};

/** A step-through run of a pinned project version. */
export type DebugSession = {
  __typename?: 'DebugSession';
  /** Whether it pauses when a node fails. */
  breakOnError: Scalars['Boolean']['output'];
  /** Its breakpoints. */
  breakpoints: Array<Breakpoint>;
  /** The nodes whose breakpoints were hit, in order. */
  breakpointsHit: Array<Scalars['ID']['output']>;
  /** The call stack at the current position. */
  callStack: Array<StackFrame>;
  /** When it was started. */
  createdAt: Scalars['DateTime']['output'];
  /** The inputs the current node will run with. */
  currentInputs?: Maybe<Scalars['JSON']['output']>;
  /** The node the session is paused before (or failed at, with reason ERROR). */
  currentNodeId?: Maybe<Scalars['ID']['output']>;
  /** The error the session is paused on (reason ERROR) or ended with (state ERROR). */
  error?: Maybe<DebugError>;
  /** When an idle session is stopped to free its slot. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The session's id. */
  id: Scalars['ID']['output'];
  /** The run's inputs. */
  inputs?: Maybe<Scalars['JSON']['output']>;
  /** The seed's execution state {session_id, state, current_component, execution_stack, variable_values, breakpoints_hit, timestamp}. */
  legacyState: Scalars['JSON']['output'];
  /** The run's outputs once COMPLETED. */
  outputs?: Maybe<Scalars['JSON']['output']>;
  /** Why it is paused (null unless PAUSED). */
  pauseReason?: Maybe<PauseReason>;
  /** The project debugged. */
  projectId: Scalars['ID']['output'];
  /** The project version pinned for the session. */
  projectVersion: Scalars['Int']['output'];
  /** Where it stands. */
  state: DebugState;
  /** Executed steps with durations, the most recent `last` of them. */
  timeline: Array<TimelineStep>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The finished nodes' values visible at the current position. */
  variables: Array<NodeVariables>;
  /** Its watch expressions with their current values. */
  watches: Array<WatchValue>;
};


/** A step-through run of a pinned project version. */
export type DebugSessionTimelineArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a debug session stands. */
export type DebugState =
  /** The run ended with outputs. */
  | 'COMPLETED'
  /** The run failed (see error). */
  | 'ERROR'
  /** Created; the run starts with the first debugStep. */
  | 'INITIALIZED'
  /** Stopped before a node (see pauseReason); inspect, evaluate, edit, then step or continue. */
  | 'PAUSED'
  /** Nodes are executing. */
  | 'RUNNING'
  /** Ended by STOP or endDebugSession, or expired. */
  | 'STOPPED';

/** A map iteration the current node runs inside. */
export type IterationFrame = {
  __typename?: 'IterationFrame';
  /** The iteration (0-based). */
  index: Scalars['Int']['output'];
  /** The map node. */
  nodeId: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A watch expression (the expression language), re-evaluated after every step. */
  addWatch: WatchValue;
  /** Drives the session; returns once it pauses, ends, or is still running after a short wait (then follow debugEvents). */
  debugStep: DebugSession;
  /** Stops the session if it is live and frees its slot. */
  endDebugSession: DebugSession;
  /** Evaluates an expression at the current position (scope: inputs, vars, runInputs, item, index). Never eval. */
  evaluate?: Maybe<Scalars['JSON']['output']>;
  /** Removes the breakpoint on a node. */
  removeBreakpoint: DebugSession;
  /** Removes a watch expression. */
  removeWatch: DebugSession;
  /** Pause when a node fails instead of failing the run. */
  setBreakOnError: DebugSession;
  /** Adds or replaces the breakpoint on a node (of the graph or of a map sub-graph). */
  setBreakpoint: Breakpoint;
  /** Edit-and-continue: replaces a finished node's output port value (type-checked) while the session is paused. */
  setVariable: DebugSession;
  /**
   * Starts a session on the project's current version (pinned for the session's life). The run does not start until
   * the first debugStep: START / CONTINUE run to the first breakpoint, STEP_* pause before the first node.
   */
  startDebugSession: DebugSession;
};


export type MutationAddWatchArgs = {
  expression: Scalars['String']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationDebugStepArgs = {
  action: DebugAction;
  sessionId: Scalars['ID']['input'];
};


export type MutationEndDebugSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEvaluateArgs = {
  expression: Scalars['String']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationRemoveBreakpointArgs = {
  nodeId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationRemoveWatchArgs = {
  sessionId: Scalars['ID']['input'];
  watchId: Scalars['ID']['input'];
};


export type MutationSetBreakOnErrorArgs = {
  enabled: Scalars['Boolean']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationSetBreakpointArgs = {
  condition?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  nodeId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationSetVariableArgs = {
  nodeId: Scalars['ID']['input'];
  port: Scalars['String']['input'];
  sessionId: Scalars['ID']['input'];
  value?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationStartDebugSessionArgs = {
  breakOnError?: InputMaybe<Scalars['Boolean']['input']>;
  breakpoints?: InputMaybe<Array<BreakpointInput>>;
  inputs?: InputMaybe<Scalars['JSON']['input']>;
  projectId: Scalars['ID']['input'];
  usePinned?: InputMaybe<Scalars['Boolean']['input']>;
  watches?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A finished node's values visible at the current position (inner frames shadow outer ones). */
export type NodeVariables = {
  __typename?: 'NodeVariables';
  /** The map iterations it ran in, outermost first. */
  frames: Array<IterationFrame>;
  /** The values it received, by port. */
  inputs?: Maybe<Scalars['JSON']['output']>;
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** The values it produced, by port. */
  outputs?: Maybe<Scalars['JSON']['output']>;
};

/** Why a session paused. */
export type PauseReason =
  /** A breakpoint (its condition, if any, was true). */
  | 'BREAKPOINT'
  /** A node failed with breakOnError on. */
  | 'ERROR'
  /** A PAUSE command. */
  | 'PAUSE'
  /** A step finished. */
  | 'STEP';

export type Project = {
  __typename?: 'Project';
  /** Debug sessions of this project, newest first. */
  debugSessions: Array<DebugSession>;
  /** The project's id. */
  id: Scalars['ID']['output'];
};


export type ProjectDebugSessionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** A debug session the caller can see. */
  debugSession?: Maybe<DebugSession>;
  /** The caller's debug sessions, newest first (optionally only those in one state). */
  debugSessions: Array<DebugSession>;
};


export type QueryDebugSessionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDebugSessionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<DebugState>;
};

/** One entry of the call stack, innermost first: the current node, then each enclosing map node with its iteration. */
export type StackFrame = {
  __typename?: 'StackFrame';
  /** The component it instantiates. */
  componentId: Scalars['String']['output'];
  /** How deep the node is nested: 0 for a node of the project's graph, 1 for a node of a map iteration, and so on. */
  depth: Scalars['Int']['output'];
  /** The iteration of this map node that is running; null for the current node. */
  iteration?: Maybe<Scalars['Int']['output']>;
  /** The node. */
  nodeId: Scalars['ID']['output'];
};

/** One executed node in a debug session. */
export type TimelineStep = {
  __typename?: 'TimelineStep';
  /** 1 for the first try, then one more per retry. */
  attempt: Scalars['Int']['output'];
  /** How long it took, in milliseconds. */
  durationMs: Scalars['Float']['output'];
  /** Why it failed. */
  error?: Maybe<DebugError>;
  /** The map iterations it ran in, outermost first. */
  frames: Array<IterationFrame>;
  /** The values it received, by port. */
  inputs?: Maybe<Scalars['JSON']['output']>;
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** The values it produced, by port. */
  outputs?: Maybe<Scalars['JSON']['output']>;
  /** 1, 2, 3… in execution order. */
  seq: Scalars['Int']['output'];
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** How it ended (succeeded, failed, skipped). */
  status: Scalars['String']['output'];
};

/** A watch expression and its value at the current position. */
export type WatchValue = {
  __typename?: 'WatchValue';
  /** Set when the expression failed at the current position. */
  error?: Maybe<Scalars['String']['output']>;
  /** The expression. */
  expression: Scalars['String']['output'];
  /** The watch's id. */
  id: Scalars['ID']['output'];
  /** Its value at the current position. */
  value?: Maybe<Scalars['JSON']['output']>;
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
  DebugSession: DebugSession;
  Project: Project;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  DebugSession:
    ( { __typename: 'DebugSession' }
    & GraphQLRecursivePick<FederationTypes['DebugSession'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Breakpoint: ResolverTypeWrapper<Breakpoint>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BreakpointInput: BreakpointInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DebugAction: DebugAction;
  DebugError: ResolverTypeWrapper<DebugError>;
  DebugSession: ResolverTypeWrapper<DebugSessionRecord>;
  DebugState: DebugState;
  IterationFrame: ResolverTypeWrapper<IterationFrame>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NodeVariables: ResolverTypeWrapper<NodeVariables>;
  PauseReason: PauseReason;
  Project: ResolverTypeWrapper<EntityRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StackFrame: ResolverTypeWrapper<StackFrame>;
  TimelineStep: ResolverTypeWrapper<TimelineStep>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  WatchValue: ResolverTypeWrapper<WatchValue>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Breakpoint: Breakpoint;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  BreakpointInput: BreakpointInput;
  DateTime: Scalars['DateTime']['output'];
  DebugError: DebugError;
  DebugSession: DebugSessionRecord;
  IterationFrame: IterationFrame;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  NodeVariables: NodeVariables;
  Project: EntityRef;
  Query: Record<PropertyKey, never>;
  StackFrame: StackFrame;
  TimelineStep: TimelineStep;
  Float: Scalars['Float']['output'];
  WatchValue: WatchValue;
}>;

export type BreakpointResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Breakpoint'] = ResolversParentTypes['Breakpoint']> = ResolversObject<{
  condition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hitCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DebugErrorResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DebugError'] = ResolversParentTypes['DebugError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DebugSessionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DebugSession'] = ResolversParentTypes['DebugSession'], FederationReferenceType extends FederationReferenceTypes['DebugSession'] = FederationReferenceTypes['DebugSession']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DebugSession']> | FederationReferenceType, FederationReferenceType, ContextType>;
  breakOnError?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  breakpoints?: Resolver<Array<ResolversTypes['Breakpoint']>, ParentType, ContextType>;
  breakpointsHit?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  callStack?: Resolver<Array<ResolversTypes['StackFrame']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentInputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  currentNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['DebugError']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  legacyState?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  pauseReason?: Resolver<Maybe<ResolversTypes['PauseReason']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DebugState'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['TimelineStep']>, ParentType, ContextType, RequireFields<DebugSessionTimelineArgs, 'last'>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variables?: Resolver<Array<ResolversTypes['NodeVariables']>, ParentType, ContextType>;
  watches?: Resolver<Array<ResolversTypes['WatchValue']>, ParentType, ContextType>;
}>;

export type IterationFrameResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IterationFrame'] = ResolversParentTypes['IterationFrame']> = ResolversObject<{
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addWatch?: Resolver<ResolversTypes['WatchValue'], ParentType, ContextType, RequireFields<MutationAddWatchArgs, 'expression' | 'sessionId'>>;
  debugStep?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationDebugStepArgs, 'action' | 'sessionId'>>;
  endDebugSession?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationEndDebugSessionArgs, 'id'>>;
  evaluate?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType, RequireFields<MutationEvaluateArgs, 'expression' | 'sessionId'>>;
  removeBreakpoint?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationRemoveBreakpointArgs, 'nodeId' | 'sessionId'>>;
  removeWatch?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationRemoveWatchArgs, 'sessionId' | 'watchId'>>;
  setBreakOnError?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationSetBreakOnErrorArgs, 'enabled' | 'sessionId'>>;
  setBreakpoint?: Resolver<ResolversTypes['Breakpoint'], ParentType, ContextType, RequireFields<MutationSetBreakpointArgs, 'enabled' | 'nodeId' | 'sessionId'>>;
  setVariable?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationSetVariableArgs, 'nodeId' | 'port' | 'sessionId'>>;
  startDebugSession?: Resolver<ResolversTypes['DebugSession'], ParentType, ContextType, RequireFields<MutationStartDebugSessionArgs, 'breakOnError' | 'projectId' | 'usePinned'>>;
}>;

export type NodeVariablesResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['NodeVariables'] = ResolversParentTypes['NodeVariables']> = ResolversObject<{
  frames?: Resolver<Array<ResolversTypes['IterationFrame']>, ParentType, ContextType>;
  inputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
}>;

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  debugSessions?: Resolver<Array<ResolversTypes['DebugSession']>, ParentType, ContextType, RequireFields<ProjectDebugSessionsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  debugSession?: Resolver<Maybe<ResolversTypes['DebugSession']>, ParentType, ContextType, RequireFields<QueryDebugSessionArgs, 'id'>>;
  debugSessions?: Resolver<Array<ResolversTypes['DebugSession']>, ParentType, ContextType, RequireFields<QueryDebugSessionsArgs, 'first'>>;
}>;

export type StackFrameResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['StackFrame'] = ResolversParentTypes['StackFrame']> = ResolversObject<{
  componentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  iteration?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type TimelineStepResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TimelineStep'] = ResolversParentTypes['TimelineStep']> = ResolversObject<{
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['DebugError']>, ParentType, ContextType>;
  frames?: Resolver<Array<ResolversTypes['IterationFrame']>, ParentType, ContextType>;
  inputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WatchValueResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['WatchValue'] = ResolversParentTypes['WatchValue']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expression?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SubgraphContext> = ResolversObject<{
  Breakpoint?: BreakpointResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DebugError?: DebugErrorResolvers<ContextType>;
  DebugSession?: DebugSessionResolvers<ContextType>;
  IterationFrame?: IterationFrameResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  NodeVariables?: NodeVariablesResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StackFrame?: StackFrameResolvers<ContextType>;
  TimelineStep?: TimelineStepResolvers<ContextType>;
  WatchValue?: WatchValueResolvers<ContextType>;
}>;

