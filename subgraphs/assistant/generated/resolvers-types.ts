import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { EntityRef } from '../../../platform/entity-ref';
import { SuggestionRecord } from '../suggestion-store';
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

/** An analysis rule of the assistant. */
export type AnalysisRuleInfo = {
  __typename?: 'AnalysisRuleInfo';
  /** True when the rule can offer a patch. */
  autoFix: Scalars['Boolean']['output'];
  /** The rule's id (Suggestion.rule). */
  id: Scalars['String']['output'];
  /** What its findings are about. */
  kind: SuggestionKind;
  /** How much its findings matter. */
  severity: SuggestionSeverity;
  /** What it checks. */
  title: Scalars['String']['output'];
};

/** The result of applying a suggestion. */
export type AppliedSuggestion = {
  __typename?: 'AppliedSuggestion';
  /** The project after the patch (its version is the new one). */
  project: Project;
  /** The suggestion, now APPLIED. */
  suggestion: Suggestion;
};

/** An answer to a question (legacy `suggestion` object of POST /ai/suggest). */
export type AssistantAnswer = {
  __typename?: 'AssistantAnswer';
  /** Related best practices. */
  bestPractices: Array<Scalars['String']['output']>;
  /** error_handling, performance, testing, security or general: where the question was routed. */
  category: Scalars['String']['output'];
  /** Example code. */
  codeSnippets: Array<Scalars['String']['output']>;
  /** The findings the answer draws on. */
  findings: Array<Suggestion>;
  /** Why a patch the model proposed was dropped, when it was. */
  patchNote?: Maybe<Scalars['String']['output']>;
  /** Legacy `priority` (critical, high, medium, low). */
  priority: SuggestionSeverity;
  /** The project asked about. */
  projectId: Scalars['ID']['output'];
  /** Figures about the project. */
  projectInsights: ProjectInsights;
  /** A model's patch that passed the checks, stored as a suggestion so applySuggestion applies it. */
  proposal?: Maybe<Suggestion>;
  /** The question. */
  query: Scalars['String']['output'];
  /** Who answered: the rules or the model. */
  source: SuggestionSource;
  /** The answer text (legacy `suggestion`). */
  suggestion: Scalars['String']['output'];
  /** When it answered. */
  timestamp: Scalars['DateTime']['output'];
};

/** What the assistant supports. */
export type AssistantCapabilities = {
  __typename?: 'AssistantCapabilities';
  /** The analysis rules. */
  analysisRules: Array<AnalysisRuleInfo>;
  /** The categories askAssistant routes questions to. */
  askCategories: Array<Scalars['String']['output']>;
  /** The languages optimizeCode reads. */
  codeLanguages: Array<CodeLanguageInfo>;
  /** The configured model's name, if any. */
  model?: Maybe<Scalars['String']['output']>;
  /** True when an OpenAI-compatible model is configured for askAssistant. */
  modelConfigured: Scalars['Boolean']['output'];
};

/** One improvement found in code. */
export type CodeFinding = {
  __typename?: 'CodeFinding';
  /** True when optimizedCode contains the rewrite. */
  applied: Scalars['Boolean']['output'];
  /** 1-based column in the original code. */
  column: Scalars['Int']['output'];
  /** 1-based position in the original code. */
  line: Scalars['Int']['output'];
  /** What could be better, and how. */
  message: Scalars['String']['output'];
  /** Stable id of the check, e.g. py-range-len. */
  rule: Scalars['String']['output'];
};

/** A language optimizeCode reads. */
export type CodeLanguageInfo = {
  __typename?: 'CodeLanguageInfo';
  /** The ids of its checks. */
  checks: Array<Scalars['String']['output']>;
  /** The language id. */
  language: Scalars['String']['output'];
  /** The parser that reads it. */
  parser: Scalars['String']['output'];
};

/** Legacy POST /ai/optimize: original_code, optimizations, optimized_code, language. */
export type CodeOptimization = {
  __typename?: 'CodeOptimization';
  /** The language of the code. */
  language: Scalars['String']['output'];
  /** Everything found, applied or not. */
  optimizations: Array<CodeFinding>;
  /** The code with the safe rewrites applied. */
  optimizedCode: Scalars['String']['output'];
  /** The code as given. */
  originalCode: Scalars['String']['output'];
  /** The parser that read the code, e.g. typescript or tree-sitter-python. */
  parser: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Runs the deterministic rules over the project's current version and returns the open findings, most severe first.
   * Cached per project version; the cache is dropped when the project changes.
   */
  analyzeProject: Array<Suggestion>;
  /**
   * Applies the suggestion's patch through the workflow service with the suggestion's project version as
   * expectedVersion: CONFLICT (with extensions.currentVersion) when the project has moved on since.
   */
  applySuggestion: AppliedSuggestion;
  /**
   * Answers a question about the project (legacy POST /ai/suggest). With a model configured (LLM_BASE_URL, LLM_MODEL)
   * the model answers and may propose a patch, which is checked before it is offered; without one the rules answer.
   */
  askAssistant: AssistantAnswer;
  /** Marks a suggestion DISMISSED: it is no longer offered for this project version. */
  dismissSuggestion: Suggestion;
  /** Finds improvements in Python, JavaScript or TypeScript code with a real parser and rewrites what it safely can. */
  optimizeCode: CodeOptimization;
};


export type MutationAnalyzeProjectArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationApplySuggestionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAskAssistantArgs = {
  componentId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  query: Scalars['String']['input'];
};


export type MutationDismissSuggestionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationOptimizeCodeArgs = {
  code: Scalars['String']['input'];
  language?: InputMaybe<Scalars['String']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

/** A workflow project (owned by the workflow service). */
export type Project = {
  __typename?: 'Project';
  /** The project's id. */
  id: Scalars['ID']['output'];
  /** Suggestions for this project, most severe first. */
  suggestions: Array<Suggestion>;
};


/** A workflow project (owned by the workflow service). */
export type ProjectSuggestionsArgs = {
  status?: InputMaybe<SuggestionStatus>;
};

/** Figures about the project (legacy `project_insights`). */
export type ProjectInsights = {
  __typename?: 'ProjectInsights';
  /** Distinct component ids used, sorted. */
  componentTypes: Array<Scalars['String']['output']>;
  /** How many connections it has. */
  connectionsCount: Scalars['Int']['output'];
  /** True when its graph has a cycle. */
  hasCycles: Scalars['Boolean']['output'];
  /** How many nodes the project has. */
  totalComponents: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** What the assistant supports: analysis rules, question categories, code languages, the model (legacy GET /capabilities). */
  capabilities: AssistantCapabilities;
  /** A suggestion the caller can see. */
  suggestion?: Maybe<Suggestion>;
};


export type QuerySuggestionArgs = {
  id: Scalars['ID']['input'];
};

/** A finding about a project version, with a patch when an automatic fix exists. */
export type Suggestion = {
  __typename?: 'Suggestion';
  /** Related best practices. */
  bestPractices: Array<Scalars['String']['output']>;
  /** Example code for the fix. */
  codeSnippets: Array<Scalars['String']['output']>;
  /** When it was found. */
  createdAt: Scalars['DateTime']['output'];
  /** The suggestion's id. */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: SuggestionKind;
  /** The explanation. */
  message: Scalars['String']['output'];
  /** The nodes concerned. */
  nodeIds: Array<Scalars['ID']['output']>;
  /** Graph edits (the workflow's applyGraphEdits operations) that fix it, when an automatic fix exists. */
  patch?: Maybe<Scalars['JSON']['output']>;
  /** The project it is about. */
  projectId: Scalars['ID']['output'];
  /** The project version it was found in. */
  projectVersion: Scalars['Int']['output'];
  /** The analysis rule that produced it (null for a model's proposal). */
  rule?: Maybe<Scalars['String']['output']>;
  /** How much it matters. */
  severity: SuggestionSeverity;
  /** Where it comes from. */
  source: SuggestionSource;
  /** Where it stands. */
  status: SuggestionStatus;
  /** A one-line summary. */
  title: Scalars['String']['output'];
};

/** What a finding is about. */
export type SuggestionKind =
  /** Model calls that cost more than needed. */
  | 'COST'
  /** Failures that are not handled or values that will not fit (retries, error routes, types). */
  | 'ERROR_HANDLING'
  /** Work that could run faster or less often. */
  | 'PERFORMANCE'
  /** Secrets written into configs, plain-HTTP URLs. */
  | 'SECURITY'
  /** Graph shape: disconnected nodes, missing outputs, expressions reading what does not exist. */
  | 'STRUCTURE'
  /** What makes a project hard to test (e.g. run inputs without a type). */
  | 'TESTING';

/** How much a finding matters. */
export type SuggestionSeverity =
  /** Breaks runs or leaks data: fix first. */
  | 'CRITICAL'
  /** Likely to cause failures. */
  | 'HIGH'
  /** A nicety. */
  | 'LOW'
  /** Worth fixing. */
  | 'MEDIUM';

/** Where a suggestion comes from. */
export type SuggestionSource =
  /** The configured language model (its patch was checked before it was offered). */
  | 'MODEL'
  /** The deterministic analysis rules. */
  | 'RULES';

/** Where a suggestion stands. */
export type SuggestionStatus =
  /** Its patch was applied. */
  | 'APPLIED'
  /** Dismissed by a user. */
  | 'DISMISSED'
  /** Offered, not acted on. */
  | 'OPEN'
  /** The project changed and the finding no longer applies. */
  | 'OUTDATED';

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
  Suggestion: Suggestion;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
  Suggestion:
    ( { __typename: 'Suggestion' }
    & GraphQLRecursivePick<FederationTypes['Suggestion'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AnalysisRuleInfo: ResolverTypeWrapper<AnalysisRuleInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AppliedSuggestion: ResolverTypeWrapper<Omit<AppliedSuggestion, 'project' | 'suggestion'> & { project: ResolversTypes['Project'], suggestion: ResolversTypes['Suggestion'] }>;
  AssistantAnswer: ResolverTypeWrapper<Omit<AssistantAnswer, 'findings' | 'proposal'> & { findings: Array<ResolversTypes['Suggestion']>, proposal?: Maybe<ResolversTypes['Suggestion']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssistantCapabilities: ResolverTypeWrapper<AssistantCapabilities>;
  CodeFinding: ResolverTypeWrapper<CodeFinding>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CodeLanguageInfo: ResolverTypeWrapper<CodeLanguageInfo>;
  CodeOptimization: ResolverTypeWrapper<CodeOptimization>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Project: ResolverTypeWrapper<EntityRef>;
  ProjectInsights: ResolverTypeWrapper<ProjectInsights>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Suggestion: ResolverTypeWrapper<SuggestionRecord>;
  SuggestionKind: SuggestionKind;
  SuggestionSeverity: SuggestionSeverity;
  SuggestionSource: SuggestionSource;
  SuggestionStatus: SuggestionStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AnalysisRuleInfo: AnalysisRuleInfo;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  AppliedSuggestion: Omit<AppliedSuggestion, 'project' | 'suggestion'> & { project: ResolversParentTypes['Project'], suggestion: ResolversParentTypes['Suggestion'] };
  AssistantAnswer: Omit<AssistantAnswer, 'findings' | 'proposal'> & { findings: Array<ResolversParentTypes['Suggestion']>, proposal?: Maybe<ResolversParentTypes['Suggestion']> };
  ID: Scalars['ID']['output'];
  AssistantCapabilities: AssistantCapabilities;
  CodeFinding: CodeFinding;
  Int: Scalars['Int']['output'];
  CodeLanguageInfo: CodeLanguageInfo;
  CodeOptimization: CodeOptimization;
  DateTime: Scalars['DateTime']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Project: EntityRef;
  ProjectInsights: ProjectInsights;
  Query: Record<PropertyKey, never>;
  Suggestion: SuggestionRecord;
}>;

export type AnalysisRuleInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['AnalysisRuleInfo'] = ResolversParentTypes['AnalysisRuleInfo']> = ResolversObject<{
  autoFix?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SuggestionKind'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['SuggestionSeverity'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AppliedSuggestionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['AppliedSuggestion'] = ResolversParentTypes['AppliedSuggestion']> = ResolversObject<{
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  suggestion?: Resolver<ResolversTypes['Suggestion'], ParentType, ContextType>;
}>;

export type AssistantAnswerResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['AssistantAnswer'] = ResolversParentTypes['AssistantAnswer']> = ResolversObject<{
  bestPractices?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  codeSnippets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['Suggestion']>, ParentType, ContextType>;
  patchNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['SuggestionSeverity'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectInsights?: Resolver<ResolversTypes['ProjectInsights'], ParentType, ContextType>;
  proposal?: Resolver<Maybe<ResolversTypes['Suggestion']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SuggestionSource'], ParentType, ContextType>;
  suggestion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type AssistantCapabilitiesResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['AssistantCapabilities'] = ResolversParentTypes['AssistantCapabilities']> = ResolversObject<{
  analysisRules?: Resolver<Array<ResolversTypes['AnalysisRuleInfo']>, ParentType, ContextType>;
  askCategories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  codeLanguages?: Resolver<Array<ResolversTypes['CodeLanguageInfo']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelConfigured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type CodeFindingResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CodeFinding'] = ResolversParentTypes['CodeFinding']> = ResolversObject<{
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  column?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CodeLanguageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CodeLanguageInfo'] = ResolversParentTypes['CodeLanguageInfo']> = ResolversObject<{
  checks?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parser?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CodeOptimizationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CodeOptimization'] = ResolversParentTypes['CodeOptimization']> = ResolversObject<{
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  optimizations?: Resolver<Array<ResolversTypes['CodeFinding']>, ParentType, ContextType>;
  optimizedCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parser?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  analyzeProject?: Resolver<Array<ResolversTypes['Suggestion']>, ParentType, ContextType, RequireFields<MutationAnalyzeProjectArgs, 'projectId'>>;
  applySuggestion?: Resolver<ResolversTypes['AppliedSuggestion'], ParentType, ContextType, RequireFields<MutationApplySuggestionArgs, 'id'>>;
  askAssistant?: Resolver<ResolversTypes['AssistantAnswer'], ParentType, ContextType, RequireFields<MutationAskAssistantArgs, 'projectId' | 'query'>>;
  dismissSuggestion?: Resolver<ResolversTypes['Suggestion'], ParentType, ContextType, RequireFields<MutationDismissSuggestionArgs, 'id'>>;
  optimizeCode?: Resolver<ResolversTypes['CodeOptimization'], ParentType, ContextType, RequireFields<MutationOptimizeCodeArgs, 'code' | 'language'>>;
}>;

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  suggestions?: Resolver<Array<ResolversTypes['Suggestion']>, ParentType, ContextType, Partial<ProjectSuggestionsArgs>>;
}>;

export type ProjectInsightsResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectInsights'] = ResolversParentTypes['ProjectInsights']> = ResolversObject<{
  componentTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  connectionsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasCycles?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalComponents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  capabilities?: Resolver<ResolversTypes['AssistantCapabilities'], ParentType, ContextType>;
  suggestion?: Resolver<Maybe<ResolversTypes['Suggestion']>, ParentType, ContextType, RequireFields<QuerySuggestionArgs, 'id'>>;
}>;

export type SuggestionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Suggestion'] = ResolversParentTypes['Suggestion'], FederationReferenceType extends FederationReferenceTypes['Suggestion'] = FederationReferenceTypes['Suggestion']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Suggestion']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bestPractices?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  codeSnippets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SuggestionKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  patch?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['SuggestionSeverity'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SuggestionSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SuggestionStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SubgraphContext> = ResolversObject<{
  AnalysisRuleInfo?: AnalysisRuleInfoResolvers<ContextType>;
  AppliedSuggestion?: AppliedSuggestionResolvers<ContextType>;
  AssistantAnswer?: AssistantAnswerResolvers<ContextType>;
  AssistantCapabilities?: AssistantCapabilitiesResolvers<ContextType>;
  CodeFinding?: CodeFindingResolvers<ContextType>;
  CodeLanguageInfo?: CodeLanguageInfoResolvers<ContextType>;
  CodeOptimization?: CodeOptimizationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectInsights?: ProjectInsightsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Suggestion?: SuggestionResolvers<ContextType>;
}>;

