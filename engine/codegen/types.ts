/**
 * The code generator's contract: languages, options, the project it produces, and what a component's emitter sees
 * (`ComponentDefinition.emit`). Free of GraphQL and storage, like the rest of engine/.
 */

export type LanguageId = 'python' | 'typescript' | 'javascript' | 'go' | 'java';

export interface LanguageInfo {
  id: LanguageId;
  name: string;
  /** Extension of the main source file, e.g. `.py`. */
  fileExtension: string;
  /** What builds and runs the project, e.g. `python3 ≥ 3.9`. */
  toolchain: string;
  /** Manifest written into the project. */
  manifest: string;
  /** False while a language is announced but its generator is not written yet. */
  implemented: boolean;
}

export interface CodegenOptions {
  /** Comments naming each node, its component and label. */
  includeComments?: boolean;
  /** Independent branches concurrently, unused side-effect-free nodes dropped, constant expressions folded. */
  optimize?: boolean;
  /** Package / module name (sanitised per language); defaults to `workflow`. */
  packageName?: string;
  /** Human name of the workflow, for the README. */
  projectName?: string;
}

export interface GeneratedFile {
  path: string;
  content: string;
}

export interface GeneratedProject {
  language: LanguageId;
  files: GeneratedFile[];
  /** Path of the file holding `run(inputs)` (the legacy `code` field). */
  mainFile: string;
  /** Shell commands that build (if needed) and run the project, for the README and tests. */
  commands: { build?: string; run: string };
}

/** A workflow that cannot be turned into code (unknown component, `code` node without a body for the language…). */
export class CodegenError extends Error {
  constructor(
    message: string,
    readonly nodeId?: string,
  ) {
    super(nodeId ? `node "${nodeId}": ${message}` : message);
    this.name = 'CodegenError';
  }
}

/**
 * What a component's `emit` receives. Emitters return one expression of the target language that evaluates to the
 * node's port values; they delegate the behaviour to the language's runtime helper of the same name, so one
 * emitter serves every language.
 */
export interface ComponentEmitContext {
  language: LanguageId;
  nodeId: string;
  /** The node's config with the component's defaults applied. */
  config: Record<string, unknown>;
  /** `runtime.<component>(ctx, CONFIG, ...extra)` in the target language. */
  helper(component: string, ...extra: string[]): string;
  /** A compiled expression from `config[field]` (or `source`), as the runtime's (field, source, function) triple. */
  expression(field: string, source?: string): string;
  /** A list literal of already-emitted code fragments. */
  list(items: string[]): string;
  /** A JSON value as a literal of the target language. */
  literal(value: unknown): string;
  /** A reference to the compiled sub-graph (for `map`). */
  subgraph(graph: unknown): string;
  /** A function `(inputs, config) → value` whose body is user code written in the target language. */
  userFunction(body: string): string;
  /** Generation fails with a message naming the node. */
  fail(message: string): never;
}

export type ComponentEmitter = (context: ComponentEmitContext) => string;
