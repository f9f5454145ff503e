/**
 * Builds a RunContext for calling a component's `run()` directly. The config goes through the real
 * validateComponentConfig (so defaults apply as in a run); services default to ones that fail loudly, and tests
 * pass in doubles of the outside world (an LLM server, an HTTP endpoint) where a component needs one.
 */
import { validateComponentConfig } from '../../../engine/components/config';
import type { ComponentDefinition, ComponentServices, RunContext } from '../../../engine/components/types';

function unavailable(name: string): never {
  throw new Error(`services.${name} is not available in this test`);
}

export const unavailableServices: ComponentServices = {
  llm: { chat: async () => unavailable('llm'), embed: async () => unavailable('llm') },
  http: { request: async () => unavailable('http') },
  sandbox: { run: async () => unavailable('sandbox') },
  runSubgraph: async () => unavailable('runSubgraph'),
};

export interface ContextOptions {
  inputs?: Record<string, unknown>;
  runInputs?: Record<string, unknown>;
  services?: Partial<ComponentServices>;
  signal?: AbortSignal;
  nodeId?: string;
  limits?: RunContext['limits'];
}

export function contextFor(def: ComponentDefinition, config: Record<string, unknown>, options: ContextOptions = {}): RunContext {
  const validation = validateComponentConfig(def, config);
  if (!validation.ok) throw new Error(`test config invalid: ${JSON.stringify(validation.errors)}`);
  const nodeId = options.nodeId ?? 'node1';
  return {
    node: { id: nodeId, componentId: def.id, componentVersion: def.version, position: { x: 0, y: 0 }, config },
    config: validation.config,
    inputs: options.inputs ?? {},
    runInputs: options.runInputs ?? {},
    signal: options.signal ?? new AbortController().signal,
    services: { ...unavailableServices, ...options.services },
    ...(options.limits ? { limits: options.limits } : {}),
  };
}

export function run(def: ComponentDefinition, config: Record<string, unknown>, options: ContextOptions = {}) {
  return Promise.resolve().then(() => def.run(contextFor(def, config, options)));
}

/** The fields validateComponentConfig reports for `config`, or [] when it is valid. */
export function invalidFields(def: ComponentDefinition, config: Record<string, unknown>): string[] {
  const validation = validateComponentConfig(def, config);
  return validation.ok ? [] : validation.errors.map((error) => error.field);
}
