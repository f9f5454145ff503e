import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { EntityRef } from '../../../platform/entity-ref';
import { ArtifactRecord } from '../artifact-store';
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

/** One file of a generated project. */
export type ArtifactFile = {
  __typename?: 'ArtifactFile';
  /** Its text. */
  content: Scalars['String']['output'];
  /** Its path within the project. */
  path: Scalars['String']['output'];
};

/** Generated code for a pinned project version. */
export type CodeArtifact = {
  __typename?: 'CodeArtifact';
  /** How to build (if needed) and run the project. */
  buildCommand?: Maybe<Scalars['String']['output']>;
  /** sha256 over the files (path and content), hex. */
  checksum: Scalars['String']['output'];
  /** Content of the main file (the legacy `code` field). */
  code: Scalars['String']['output'];
  /** When it was generated. */
  createdAt: Scalars['DateTime']['output'];
  /** Relative URL of the project as a zip (GET, same authentication as GraphQL). */
  downloadUrl: Scalars['String']['output'];
  /** Every file of the generated project. */
  files: Array<ArtifactFile>;
  /** The artifact's id. */
  id: Scalars['ID']['output'];
  /** The target language's id. */
  language: Scalars['String']['output'];
  /** Lines of code over all files. */
  lines: Scalars['Int']['output'];
  /** Path of the main file (the legacy `code` field). */
  mainFile: Scalars['String']['output'];
  /** The options it was generated with. */
  options?: Maybe<Scalars['JSON']['output']>;
  /** The project it was generated from. */
  projectId: Scalars['ID']['output'];
  /** The project version it was generated from. */
  projectVersion: Scalars['Int']['output'];
  /** How to run the project with an inputs file. */
  runCommand: Scalars['String']['output'];
};

/** Options of the code generator. */
export type CodegenOptionsInput = {
  /** Comments naming each node and its component. */
  includeComments?: InputMaybe<Scalars['Boolean']['input']>;
  /** Independent branches run concurrently, unused side-effect-free nodes are dropped, constant expressions folded (same outputs). */
  optimize?: InputMaybe<Scalars['Boolean']['input']>;
  /** Package / module name (sanitised for the language); defaults to the project name. */
  packageName?: InputMaybe<Scalars['String']['input']>;
};

/** A target language of the code generator. */
export type Language = {
  __typename?: 'Language';
  /** The extension of its source files. */
  fileExtension: Scalars['String']['output'];
  /** Its id, as `generateCode(language:)` takes it. */
  id: Scalars['String']['output'];
  /** True when `generateCode` generates it. */
  implemented: Scalars['Boolean']['output'];
  /** The manifest or build file generated with it (requirements.txt, package.json, go.mod, build.sh). */
  manifest: Scalars['String']['output'];
  /** Its display name. */
  name: Scalars['String']['output'];
  /** What building and running the generated project needs. */
  toolchain: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Generates a runnable project from the project's current version (pinned in the artifact): run(inputs) → outputs,
   * a command line and an HTTP serve mode, standard library only. Unknown language → BAD_USER_INPUT; a language not
   * implemented yet → NOT_IMPLEMENTED; a workflow that cannot be generated (e.g. a code node without a body for the
   * language) → INVALID_GRAPH naming the node.
   */
  generateCode: CodeArtifact;
};


export type MutationGenerateCodeArgs = {
  language: Scalars['String']['input'];
  options?: InputMaybe<CodegenOptionsInput>;
  projectId: Scalars['ID']['input'];
};

export type Project = {
  __typename?: 'Project';
  /** Code generated from this project, newest first. */
  artifacts: Array<CodeArtifact>;
  /** The project's id. */
  id: Scalars['ID']['output'];
};


export type ProjectArtifactsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Generated code by id (its project's viewers may read it). */
  codeArtifact?: Maybe<CodeArtifact>;
  /** The target languages of the code generator (implemented ones generate; others answer NOT_IMPLEMENTED). */
  languages: Array<Language>;
};


export type QueryCodeArtifactArgs = {
  id: Scalars['ID']['input'];
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
  CodeArtifact: CodeArtifact;
  Project: Project;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CodeArtifact:
    ( { __typename: 'CodeArtifact' }
    & GraphQLRecursivePick<FederationTypes['CodeArtifact'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ArtifactFile: ResolverTypeWrapper<ArtifactFile>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CodeArtifact: ResolverTypeWrapper<ArtifactRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CodegenOptionsInput: CodegenOptionsInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Language: ResolverTypeWrapper<Language>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Project: ResolverTypeWrapper<EntityRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ArtifactFile: ArtifactFile;
  String: Scalars['String']['output'];
  CodeArtifact: ArtifactRecord;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CodegenOptionsInput: CodegenOptionsInput;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  JSON: Scalars['JSON']['output'];
  Language: Language;
  Mutation: Record<PropertyKey, never>;
  Project: EntityRef;
  Query: Record<PropertyKey, never>;
}>;

export type ArtifactFileResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ArtifactFile'] = ResolversParentTypes['ArtifactFile']> = ResolversObject<{
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CodeArtifactResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CodeArtifact'] = ResolversParentTypes['CodeArtifact'], FederationReferenceType extends FederationReferenceTypes['CodeArtifact'] = FederationReferenceTypes['CodeArtifact']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CodeArtifact']> | FederationReferenceType, FederationReferenceType, ContextType>;
  buildCommand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['ArtifactFile']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mainFile?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runCommand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LanguageResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Language'] = ResolversParentTypes['Language']> = ResolversObject<{
  fileExtension?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  implemented?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  manifest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toolchain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  generateCode?: Resolver<ResolversTypes['CodeArtifact'], ParentType, ContextType, RequireFields<MutationGenerateCodeArgs, 'language' | 'projectId'>>;
}>;

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  artifacts?: Resolver<Array<ResolversTypes['CodeArtifact']>, ParentType, ContextType, RequireFields<ProjectArtifactsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  codeArtifact?: Resolver<Maybe<ResolversTypes['CodeArtifact']>, ParentType, ContextType, RequireFields<QueryCodeArtifactArgs, 'id'>>;
  languages?: Resolver<Array<ResolversTypes['Language']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SubgraphContext> = ResolversObject<{
  ArtifactFile?: ArtifactFileResolvers<ContextType>;
  CodeArtifact?: CodeArtifactResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Language?: LanguageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

