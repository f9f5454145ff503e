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

/** A building block of workflows: typed input and output ports and a JSON Schema for its configuration. Built-in or custom. */
export type Component = {
  __typename?: 'Component';
  /** True for the platform's own components (read-only). */
  builtin: Scalars['Boolean']['output'];
  /** Its category in the palette (ai, logic, data, integration, or a custom one). */
  category: Scalars['String']['output'];
  /** A colour for the palette (CSS colour). */
  color?: Maybe<Scalars['String']['output']>;
  /** JSON Schema of the node config. */
  configSchema: Scalars['JSON']['output'];
  /** Deprecated: left out of `components` unless `includeDeprecated` is set. */
  deprecated: Scalars['Boolean']['output'];
  /** What it does. */
  description: Scalars['String']['output'];
  /** Config fields holding expression-language source or a {{path}} template, with the variables each may read (editors highlight and complete them). */
  expressionFields: Array<ExpressionField>;
  /** An icon name for the palette. */
  icon?: Maybe<Scalars['String']['output']>;
  /** The component's id (built-ins: `core/llm`, `core/http_request`, …). */
  id: Scalars['ID']['output'];
  /** Its input ports. */
  inputs: Array<Port>;
  /** Keys of the original catalogue that resolve to this component. */
  legacyIds: Array<Scalars['String']['output']>;
  /** Its display name. */
  name: Scalars['String']['output'];
  /** Its output ports. */
  outputs: Array<Port>;
  /** The creator of a custom component (null for built-ins). */
  ownerId?: Maybe<Scalars['String']['output']>;
  /** Visible to every user (built-ins always; custom components once their creator publishes them). */
  published: Scalars['Boolean']['output'];
  /** What running it needs from the outside world (custom components: none declared). */
  requires: Array<RuntimeRequirement>;
  /** How often the component was put into a project (counted from the durable COMPONENT_USED stream). */
  usageCount: Scalars['Int']['output'];
  /** Its version; nodes pin the version they were added with. */
  version: Scalars['String']['output'];
};

/** A new custom component. */
export type ComponentInput = {
  /** Its category in the palette. */
  category: Scalars['String']['input'];
  /** A colour for the palette. */
  color?: InputMaybe<Scalars['String']['input']>;
  /** JSON Schema of its configuration (an empty object schema when left out). */
  configSchema?: InputMaybe<Scalars['JSON']['input']>;
  /** What it does. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** An icon name for the palette. */
  icon?: InputMaybe<Scalars['String']['input']>;
  /** A custom id (letters, digits, `_`, `-`, `/`); must not collide with a built-in. */
  id: Scalars['ID']['input'];
  /** Its input ports. */
  inputs?: InputMaybe<Array<PortInput>>;
  /** Its display name. */
  name: Scalars['String']['input'];
  /** Its output ports. */
  outputs?: InputMaybe<Array<PortInput>>;
  /** Its version. */
  version?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a custom component; fields left out stay as they are. */
export type ComponentUpdateInput = {
  /** A new category. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** A new colour. */
  color?: InputMaybe<Scalars['String']['input']>;
  /** A new configuration schema. */
  configSchema?: InputMaybe<Scalars['JSON']['input']>;
  /** Mark it deprecated (or not). */
  deprecated?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new icon. */
  icon?: InputMaybe<Scalars['String']['input']>;
  /** New input ports. */
  inputs?: InputMaybe<Array<PortInput>>;
  /** A new display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New output ports. */
  outputs?: InputMaybe<Array<PortInput>>;
  /** A new version (nodes already placed keep the version they pinned). */
  version?: InputMaybe<Scalars['String']['input']>;
};

/** The result of a deletion. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** True when it existed and is gone. */
  deleted: Scalars['Boolean']['output'];
  /** The id of what was deleted. */
  id: Scalars['ID']['output'];
};

/** A config field whose text is an expression or a {{path}} template. */
export type ExpressionField = {
  __typename?: 'ExpressionField';
  /** `expression` (the expression language) or `template` ({{path}} placeholders). */
  kind: Scalars['String']['output'];
  /** JSON pointer into the config; `*` stands for any array index or object key (e.g. /cases/*\/expression). */
  pointer: Scalars['String']['output'];
  /** Variables the text may read; `*` in a template means any key of the node's `values` input. */
  scope: Array<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Registers a custom component (private to its creator until published). */
  createComponent: Component;
  /** Stores a custom template; its graph is validated against the registry (private until published). */
  createTemplate: Template;
  /** Creator only: removes a custom component (nodes that use it then fail validation with UNKNOWN_COMPONENT). */
  deleteComponent: DeletePayload;
  /** Creator only: removes a custom template (projects made from it keep their copy). */
  deleteTemplate: DeletePayload;
  /** Creator only: shares a custom component with every user (false: makes it private again). */
  publishComponent: Component;
  /** Creator only: shares a custom template with every user (false: makes it private again). */
  publishTemplate: Template;
  /** Creator only: changes a custom component (built-ins are read-only: FORBIDDEN). */
  updateComponent: Component;
  /** Creator only: changes a custom template (built-ins are read-only: FORBIDDEN). */
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

/** A typed input or output of a component. */
export type Port = {
  __typename?: 'Port';
  /** What the port carries. */
  description?: Maybe<Scalars['String']['output']>;
  /** An input that accepts several connections (their values arrive as a list). */
  multiple: Scalars['Boolean']['output'];
  /** The port's name, unique among the component's inputs (or outputs). */
  name: Scalars['String']['output'];
  /** An input that must be connected (or given) for the graph to validate. */
  required: Scalars['Boolean']['output'];
  /** any, string, number, boolean, object, array or array<T>. */
  type: Scalars['String']['output'];
};

/** A typed input or output of a custom component. */
export type PortInput = {
  /** What the port carries. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** An input that accepts several connections. */
  multiple?: InputMaybe<Scalars['Boolean']['input']>;
  /** The port's name, unique among the component's inputs (or outputs). */
  name: Scalars['String']['input'];
  /** An input that must be connected (or given) for the graph to validate. */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** any, string, number, boolean, object, array or array<T>. */
  type: Scalars['String']['input'];
};

/** A point on the canvas. */
export type Position = {
  __typename?: 'Position';
  /** Horizontal coordinate. */
  x: Scalars['Float']['output'];
  /** Vertical coordinate. */
  y: Scalars['Float']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The categories of the components the caller may see. */
  categories: Array<Scalars['String']['output']>;
  /** A component by id; the original catalogue's keys (`llm`, `loop`, …) resolve too. */
  component?: Maybe<Component>;
  /** The catalogue: built-in components and custom ones the caller may see. */
  components: Array<Component>;
  /** Several components at once, in the order asked (null where unknown). */
  componentsByIds: Array<Maybe<Component>>;
  /** A template by id. */
  template?: Maybe<Template>;
  /** Project templates: built-in ones and custom ones the caller may see. */
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
  runnableOffline?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Something a component or template needs at run time. */
export type RuntimeRequirement =
  /** A configured chat/embedding model (LLM_BASE_URL, LLM_API_KEY). */
  | 'MODEL'
  /** Outbound network access. */
  | 'NETWORK';

/** A ready-made project graph to start from. */
export type Template = {
  __typename?: 'Template';
  /** True for the platform's own templates (read-only). */
  builtin: Scalars['Boolean']['output'];
  /** Categories it is listed under. */
  categories: Array<Scalars['String']['output']>;
  /** Its connections. */
  connections: Array<TemplateConnection>;
  /** What the workflow does. */
  description: Scalars['String']['output'];
  /** What the template returns for `sampleInputs`. */
  expectedOutputs?: Maybe<Scalars['JSON']['output']>;
  /** The template's id (e.g. `basic_agent`). */
  id: Scalars['ID']['output'];
  /** Its display name. */
  name: Scalars['String']['output'];
  /** Its nodes. */
  nodes: Array<TemplateNode>;
  /** The creator of a custom template (null for built-ins). */
  ownerId?: Maybe<Scalars['String']['output']>;
  /** Visible to every user (built-ins always; custom templates once their creator publishes them). */
  published: Scalars['Boolean']['output'];
  /** What running it needs, from its components (a model, the network). */
  requires: Array<RuntimeRequirement>;
  /** True when it needs nothing: it runs with nothing configured and no network. */
  runnableOffline: Scalars['Boolean']['output'];
  /** Inputs to try the template with, and what it returns for them. */
  sampleInputs?: Maybe<Scalars['JSON']['output']>;
};

/** A connection of a template graph. */
export type TemplateConnection = {
  __typename?: 'TemplateConnection';
  /** The connection's id within the template. */
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

/** A new custom template. */
export type TemplateInput = {
  /** Categories to list it under. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the workflow does. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What it returns for `sampleInputs`. */
  expectedOutputs?: InputMaybe<Scalars['JSON']['input']>;
  /** The graph: `{nodes: [...], connections: [...]}` in the shape of TemplateNode / TemplateConnection. */
  graph: Scalars['JSON']['input'];
  /** Its id (must not collide with a built-in). */
  id: Scalars['ID']['input'];
  /** Its display name. */
  name: Scalars['String']['input'];
  /** Inputs to try it with. */
  sampleInputs?: InputMaybe<Scalars['JSON']['input']>;
};

/** A node of a template graph. */
export type TemplateNode = {
  __typename?: 'TemplateNode';
  /** The component it instantiates. */
  componentId: Scalars['ID']['output'];
  /** The component version it pins. */
  componentVersion: Scalars['String']['output'];
  /** Its configuration. */
  config: Scalars['JSON']['output'];
  /** The node's id within the template. */
  id: Scalars['ID']['output'];
  /** Its display name. */
  label?: Maybe<Scalars['String']['output']>;
  /** Where it sits on the canvas. */
  position: Position;
  /** Its execution policy (timeoutMs, retries, retryBackoffMs, onError, defaultOutputs). */
  settings?: Maybe<Scalars['JSON']['output']>;
};

/** Changes to a custom template; fields left out stay as they are. */
export type TemplateUpdateInput = {
  /** New categories. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New expected outputs. */
  expectedOutputs?: InputMaybe<Scalars['JSON']['input']>;
  /** A new graph (validated), `{nodes, connections}`. */
  graph?: InputMaybe<Scalars['JSON']['input']>;
  /** A new display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New sample inputs. */
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
  ExpressionField: ResolverTypeWrapper<ExpressionField>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Port: ResolverTypeWrapper<Port>;
  PortInput: PortInput;
  Position: ResolverTypeWrapper<Position>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RuntimeRequirement: RuntimeRequirement;
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
  ExpressionField: ExpressionField;
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
  expressionFields?: Resolver<Array<ResolversTypes['ExpressionField']>, ParentType, ContextType>;
  icon?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['Port']>, ParentType, ContextType>;
  legacyIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputs?: Resolver<Array<ResolversTypes['Port']>, ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  published?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requires?: Resolver<Array<ResolversTypes['RuntimeRequirement']>, ParentType, ContextType>;
  usageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DeletePayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = ResolversObject<{
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ExpressionFieldResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ExpressionField'] = ResolversParentTypes['ExpressionField']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
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
  requires?: Resolver<Array<ResolversTypes['RuntimeRequirement']>, ParentType, ContextType>;
  runnableOffline?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
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
  ExpressionField?: ExpressionFieldResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Port?: PortResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Template?: TemplateResolvers<ContextType>;
  TemplateConnection?: TemplateConnectionResolvers<ContextType>;
  TemplateNode?: TemplateNodeResolvers<ContextType>;
}>;

