/**
 * The language-neutral part of generation: walks the planned graph (and every `map` sub-graph), asks each
 * component's `emit` for its node expression, and has the language backend declare configs, node functions, user
 * code functions and the node tables the runtime's scheduler runs.
 */
import type { WorkflowGraph } from '../model/types';
import { compileExpressionSource, type ExpressionSyntax } from './expression-compiler';
import { NameAllocator } from './identifiers';
import { planForCodegen } from './plan';
import { CodegenError, type CodegenOptions, type ComponentEmitContext, type LanguageId } from './types';

/** One row of a node table, as code fragments of the target language. */
export interface NodeTableEntry {
  id: string;
  component: string;
  functionName: string;
  /** [port, multiple, [[source index, source port]…]] */
  inputs: { port: string; multiple: boolean; sources: [number, string][] }[];
  partial: boolean;
  settings: Record<string, unknown>;
  output: string | null;
}

export interface LanguageBackend {
  language: LanguageId;
  expression: ExpressionSyntax;
  /** A one-line comment (newlines and comment terminators neutralised). */
  comment(text: string): string;
  constant(name: string, value: unknown): string;
  /** Declares `name(ctx)` returning `body`. */
  nodeFunction(name: string, body: string): string;
  /** `world`: the component declares `requires` (model, network) — its helper lives with the world's clients. */
  helper(component: string, configName: string, extra: string[], world: boolean): string;
  list(items: string[]): string;
  /** Declares a function `name(inputs, config)` with the user's body. */
  userFunction(name: string, body: string): string;
  /** How code refers to a declared function as a value (Java: `Workflow::name`); the bare name by default. */
  functionReference?(name: string): string;
  nodeTable(name: string, entries: NodeTableEntry[]): string;
  /** Identifier rules: sanitise a fragment (letters, digits, `_`). */
  identifier(fragment: string): string;
}

export interface Program {
  /** Top-level declarations in order. */
  declarations: string[];
  /** Name of the top-level node table. */
  graphName: string;
}

export function buildProgram(graph: WorkflowGraph, backend: LanguageBackend, options: CodegenOptions): Program {
  const names = new NameAllocator(backend.identifier);
  const declarations: string[] = [];
  const graphName = emitGraph(graph, backend, options, names, declarations, '');
  return { declarations, graphName };
}

function emitGraph(graph: WorkflowGraph, backend: LanguageBackend, options: CodegenOptions, names: NameAllocator, out: string[], scope: string): string {
  const nodes = planForCodegen(graph, options.optimize === true);
  const entries: NodeTableEntry[] = [];
  for (const { planned, inputs } of nodes) {
    const { node, component, config } = planned;
    if (!component.emit) throw new CodegenError(`component ${component.id} has no code emitter`, node.id);
    const base = `${scope}${node.id}`;
    const configName = names.allocate(`config_${base}`);
    const functionName = names.allocate(`node_${base}`);
    if (options.includeComments) {
      out.push(backend.comment(`node "${node.id}" (${component.id})${node.label ? `: ${node.label}` : ''} — ${component.description}`));
    }
    out.push(backend.constant(configName, config));
    const context: ComponentEmitContext = {
      language: backend.language,
      nodeId: node.id,
      config,
      helper: (name, ...extra) => backend.helper(name, configName, extra, (component.requires?.length ?? 0) > 0),
      expression: (field, source) => {
        const text = source ?? config[field];
        if (typeof text !== 'string') throw new CodegenError(`config.${field} must be an expression string`, node.id);
        return backend.list([
          backend.expression.literal(field),
          backend.expression.literal(text),
          compileExpressionSource(text, backend.expression, options.optimize === true, node.id, field),
        ]);
      },
      list: (items) => backend.list(items),
      literal: (value) => backend.expression.literal(value),
      subgraph: (sub) => emitGraph(sub as WorkflowGraph, backend, options, names, out, `${base}__`),
      userFunction: (body) => {
        const name = names.allocate(`code_${base}`);
        out.push(backend.userFunction(name, body));
        return backend.functionReference ? backend.functionReference(name) : name;
      },
      fail: (message) => {
        throw new CodegenError(message, node.id);
      },
    };
    out.push(backend.nodeFunction(functionName, component.emit(context)));
    entries.push({
      id: node.id,
      component: component.id,
      functionName,
      inputs,
      partial: component.runsOnPartialInputs === true,
      settings: { ...(node.settings ?? {}) },
      output: planned.outputName ?? null,
    });
  }
  const tableName = names.allocate(scope ? `graph_${scope}` : 'graph');
  out.push(backend.nodeTable(tableName, entries));
  return tableName;
}
