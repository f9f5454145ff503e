import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CatalogComponent, CatalogTemplate } from '../catalog';
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
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Component = {
  __typename?: 'Component';
  builtin: Scalars['Boolean']['output'];
  category: Scalars['String']['output'];
  color?: Maybe<Scalars['String']['output']>;
  /** JSON Schema of the node config. */
  configSchema: Scalars['JSON']['output'];
  deprecated: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  icon?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  inputs: Array<Port>;
  /** Keys of the original catalogue that resolve to this component. */
  legacyIds: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  outputs: Array<Port>;
  ownerId?: Maybe<Scalars['String']['output']>;
  /** Visible to every user (built-ins always; custom components once their creator publishes them). */
  published: Scalars['Boolean']['output'];
  /** How often the component was put into a project (counted from the durable COMPONENT_USED stream). */
  usageCount: Scalars['Int']['output'];
  version: Scalars['String']['output'];
};

export type ComponentInput = {
  category: Scalars['String']['input'];
  color?: InputMaybe<Scalars['String']['input']>;
  configSchema?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  icon?: InputMaybe<Scalars['String']['input']>;
  /** A custom id (letters, digits, `_`, `-`, `/`); must not collide with a built-in. */
  id: Scalars['ID']['input'];
  inputs?: InputMaybe<Array<PortInput>>;
  name: Scalars['String']['input'];
  outputs?: InputMaybe<Array<PortInput>>;
  version?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentUpdateInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  color?: InputMaybe<Scalars['String']['input']>;
  configSchema?: InputMaybe<Scalars['JSON']['input']>;
  deprecated?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  icon?: InputMaybe<Scalars['String']['input']>;
  inputs?: InputMaybe<Array<PortInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
  outputs?: InputMaybe<Array<PortInput>>;
  version?: InputMaybe<Scalars['String']['input']>;
};

export type DeletePayload = {
  __typename?: 'DeletePayload';
  deleted: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  createComponent: Component;
  createTemplate: Template;
  deleteComponent: DeletePayload;
  deleteTemplate: DeletePayload;
  /** Creator only: shares a custom component with every user (false: makes it private again). */
  publishComponent: Component;
  /** Creator only: shares a custom template with every user (false: makes it private again). */
  publishTemplate: Template;
  updateComponent: Component;
  updateTemplate: Template;
};


export type MutationCreateComponentArgs = {
  input: ComponentInput;
};


export type MutationCreateTemplateArgs = {
  input: TemplateInput;
};


export type MutationDeleteComponentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPublishComponentArgs = {
  id: Scalars['ID']['input'];
  published?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationPublishTemplateArgs = {
  id: Scalars['ID']['input'];
  published?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationUpdateComponentArgs = {
  id: Scalars['ID']['input'];
  input: ComponentUpdateInput;
};


export type MutationUpdateTemplateArgs = {
  id: Scalars['ID']['input'];
  input: TemplateUpdateInput;
};

export type Port = {
  __typename?: 'Port';
  description?: Maybe<Scalars['String']['output']>;
  multiple: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** any, string, number, boolean, object, array or array<T>. */
  type: Scalars['String']['output'];
};

export type PortInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  multiple?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  required?: InputMaybe<Scalars['Boolean']['input']>;
  type: Scalars['String']['input'];
};

export type Position = {
  __typename?: 'Position';
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

export type Query = {
  __typename?: 'Query';
  categories: Array<Scalars['String']['output']>;
  /** A component by id; the original catalogue's keys (`llm`, `loop`, …) resolve too. */
  component?: Maybe<Component>;
  /** The catalogue: built-in components and custom ones the caller may see. */
  components: Array<Component>;
  /** Several components at once, in the order asked (null where unknown). */
  componentsByIds: Array<Maybe<Component>>;
  template?: Maybe<Template>;
  templates: Array<Template>;
};


export type QueryComponentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryComponentsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryComponentsByIdsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTemplatesArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
};

export type Template = {
  __typename?: 'Template';
  builtin: Scalars['Boolean']['output'];
  categories: Array<Scalars['String']['output']>;
  connections: Array<TemplateConnection>;
  description: Scalars['String']['output'];
  expectedOutputs?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  nodes: Array<TemplateNode>;
  ownerId?: Maybe<Scalars['String']['output']>;
  /** Visible to every user (built-ins always; custom templates once their creator publishes them). */
  published: Scalars['Boolean']['output'];
  /** Inputs to try the template with, and what it returns for them. */
  sampleInputs?: Maybe<Scalars['JSON']['output']>;
};

export type TemplateConnection = {
  __typename?: 'TemplateConnection';
  id: Scalars['ID']['output'];
  sourceId: Scalars['ID']['output'];
  sourcePort: Scalars['String']['output'];
  targetId: Scalars['ID']['output'];
  targetPort: Scalars['String']['output'];
};

export type TemplateInput = {
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  expectedOutputs?: InputMaybe<Scalars['JSON']['input']>;
  /** The graph: `{nodes: [...], connections: [...]}` in the shape of TemplateNode / TemplateConnection. */
  graph: Scalars['JSON']['input'];
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  sampleInputs?: InputMaybe<Scalars['JSON']['input']>;
};

export type TemplateNode = {
  __typename?: 'TemplateNode';
  componentId: Scalars['ID']['output'];
  componentVersion: Scalars['String']['output'];
  config: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  position: Position;
  settings?: Maybe<Scalars['JSON']['output']>;
};

export type TemplateUpdateInput = {
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  expectedOutputs?: InputMaybe<Scalars['JSON']['input']>;
  graph?: InputMaybe<Scalars['JSON']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  sampleInputs?: InputMaybe<Scalars['JSON']['input']>;
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
  Component: Component;
  Template: Template;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Component:
    ( { __typename: 'Component' }
    & GraphQLRecursivePick<FederationTypes['Component'], {"id":true}> );
  Template:
    ( { __typename: 'Template' }
    & GraphQLRecursivePick<FederationTypes['Template'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Component: ResolverTypeWrapper<CatalogComponent>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ComponentInput: ComponentInput;
  ComponentUpdateInput: ComponentUpdateInput;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Port: ResolverTypeWrapper<Port>;
  PortInput: PortInput;
  Position: ResolverTypeWrapper<Position>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Template: ResolverTypeWrapper<CatalogTemplate>;
  TemplateConnection: ResolverTypeWrapper<TemplateConnection>;
  TemplateInput: TemplateInput;
  TemplateNode: ResolverTypeWrapper<TemplateNode>;
  TemplateUpdateInput: TemplateUpdateInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Component: CatalogComponent;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  ComponentInput: ComponentInput;
  ComponentUpdateInput: ComponentUpdateInput;
  DeletePayload: DeletePayload;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Port: Port;
  PortInput: PortInput;
  Position: Position;
  Float: Scalars['Float']['output'];
  Query: Record<PropertyKey, never>;
  Template: CatalogTemplate;
  TemplateConnection: TemplateConnection;
  TemplateInput: TemplateInput;
  TemplateNode: TemplateNode;
  TemplateUpdateInput: TemplateUpdateInput;
}>;

export type ComponentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Component'] = ResolversParentTypes['Component'], FederationReferenceType extends FederationReferenceTypes['Component'] = FederationReferenceTypes['Component']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Component']> | FederationReferenceType, FederationReferenceType, ContextType>;
  builtin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  configSchema?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deprecated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  icon?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['Port']>, ParentType, ContextType>;
  legacyIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputs?: Resolver<Array<ResolversTypes['Port']>, ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  published?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  usageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DeletePayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = ResolversObject<{
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createComponent?: Resolver<ResolversTypes['Component'], ParentType, ContextType, RequireFields<MutationCreateComponentArgs, 'input'>>;
  createTemplate?: Resolver<ResolversTypes['Template'], ParentType, ContextType, RequireFields<MutationCreateTemplateArgs, 'input'>>;
  deleteComponent?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteComponentArgs, 'id'>>;
  deleteTemplate?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteTemplateArgs, 'id'>>;
  publishComponent?: Resolver<ResolversTypes['Component'], ParentType, ContextType, RequireFields<MutationPublishComponentArgs, 'id' | 'published'>>;
  publishTemplate?: Resolver<ResolversTypes['Template'], ParentType, ContextType, RequireFields<MutationPublishTemplateArgs, 'id' | 'published'>>;
  updateComponent?: Resolver<ResolversTypes['Component'], ParentType, ContextType, RequireFields<MutationUpdateComponentArgs, 'id' | 'input'>>;
  updateTemplate?: Resolver<ResolversTypes['Template'], ParentType, ContextType, RequireFields<MutationUpdateTemplateArgs, 'id' | 'input'>>;
}>;

export type PortResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Port'] = ResolversParentTypes['Port']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  multiple?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PositionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = ResolversObject<{
  x?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  component?: Resolver<Maybe<ResolversTypes['Component']>, ParentType, ContextType, RequireFields<QueryComponentArgs, 'id'>>;
  components?: Resolver<Array<ResolversTypes['Component']>, ParentType, ContextType, RequireFields<QueryComponentsArgs, 'includeDeprecated'>>;
  componentsByIds?: Resolver<Array<Maybe<ResolversTypes['Component']>>, ParentType, ContextType, RequireFields<QueryComponentsByIdsArgs, 'ids'>>;
  template?: Resolver<Maybe<ResolversTypes['Template']>, ParentType, ContextType, RequireFields<QueryTemplateArgs, 'id'>>;
  templates?: Resolver<Array<ResolversTypes['Template']>, ParentType, ContextType, Partial<QueryTemplatesArgs>>;
}>;

export type TemplateResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Template'] = ResolversParentTypes['Template'], FederationReferenceType extends FederationReferenceTypes['Template'] = FederationReferenceTypes['Template']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Template']> | FederationReferenceType, FederationReferenceType, ContextType>;
  builtin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  connections?: Resolver<Array<ResolversTypes['TemplateConnection']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expectedOutputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['TemplateNode']>, ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  published?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sampleInputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
}>;

export type TemplateConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TemplateConnection'] = ResolversParentTypes['TemplateConnection']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourcePort?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetPort?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TemplateNodeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TemplateNode'] = ResolversParentTypes['TemplateNode']> = ResolversObject<{
  componentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  componentVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  settings?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SubgraphContext> = ResolversObject<{
  Component?: ComponentResolvers<ContextType>;
  DeletePayload?: DeletePayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Port?: PortResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Template?: TemplateResolvers<ContextType>;
  TemplateConnection?: TemplateConnectionResolvers<ContextType>;
  TemplateNode?: TemplateNodeResolvers<ContextType>;
}>;

