/**
 * Every shipped template is a sound graph over the built-ins and, run through the real interpreter with the real
 * sandbox, HTTP guard and LLM client (against local fake servers speaking the real protocols), gives exactly its
 * documented outputs.
 */
import { findBuiltinComponent, validateComponentConfig } from '../../engine/components';
import type { ComponentDefinition, ComponentServices } from '../../engine/components/types';
import { executeGraph } from '../../engine/runtime/interpreter';
import { OpenAiCompatibleClient } from '../../engine/runtime/llm-client';
import { HttpGuard } from '../../engine/sandbox/http-guard';
import { QuickJsSandbox } from '../../engine/sandbox/quickjs-sandbox';
import type { WorkflowGraph } from '../../engine/model/types';
import { builtinTemplates, findBuiltinTemplate } from '../../engine/templates';
import type { TemplateDefinition } from '../../engine/templates/types';
import { FAKE_MODEL, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startFakeHttpServer, type FakeHttpServer } from './components/fake-http-server';

const AI_COMPONENTS = new Set(['core/llm', 'core/classifier', 'core/embedder']);

/** The template's graph and every `map` sub-graph inside it, depth first. */
function graphsOf(graph: WorkflowGraph): WorkflowGraph[] {
  const nested = graph.nodes
    .filter((n) => n.componentId === 'core/map' && n.config.mode === 'subgraph')
    .flatMap((n) => graphsOf(n.config.graph as WorkflowGraph));
  return [graph, ...nested];
}

function outputPorts(def: ComponentDefinition, config: Record<string, unknown>): string[] {
  return (def.outputsFor ? def.outputsFor(config) : def.outputs).map((port) => port.name);
}

describe('shipped templates: structure', () => {
  it('has at least 10 templates with unique ids, including basic_agent and ml_pipeline', () => {
    expect(builtinTemplates.length).toBeGreaterThanOrEqual(10);
    const ids = builtinTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findBuiltinTemplate('basic_agent')?.name).toBe('Basic agent');
    expect(findBuiltinTemplate('ml_pipeline')?.categories).toContain('ml');
  });

  it('covers branching, map with a sub-graph, code, HTTP, text, JSON, aggregation and the AI components', () => {
    const used = new Set(builtinTemplates.flatMap((t) => graphsOf(t.graph).flatMap((g) => g.nodes.map((n) => n.componentId))));
    for (const id of [
      'core/condition',
      'core/switch',
      'core/merge',
      'core/map',
      'core/code',
      'core/http_request',
      'core/split',
      'core/filter',
      'core/join',
      'core/json_parse',
      'core/get',
      'core/set',
      'core/object',
      'core/reduce',
      'core/llm',
      'core/classifier',
      'core/embedder',
    ]) {
      expect([id, used.has(id)]).toEqual([id, true]);
    }
    expect(builtinTemplates.some((t) => t.graph.nodes.some((n) => n.componentId === 'core/map' && n.config.mode === 'subgraph'))).toBe(true);
  });

  describe.each(builtinTemplates.map((t) => [t.id, t] as [string, TemplateDefinition]))('%s', (_id, template) => {
    it('uses known built-ins at their version, with valid config', () => {
      for (const graph of graphsOf(template.graph)) {
        for (const node of graph.nodes) {
          const def = findBuiltinComponent(node.componentId);
          expect(def?.id).toBe(node.componentId);
          expect(node.componentVersion).toBe(def!.version);
          expect([node.id, validateComponentConfig(def!, node.config)]).toEqual([node.id, expect.objectContaining({ ok: true })]);
          expect(node.id).toMatch(/^[a-z][a-z0-9_]*$/);
        }
      }
    });

    it('wires existing ports, feeds every required input, and flows left to right', () => {
      for (const graph of graphsOf(template.graph)) {
        const byId = new Map(graph.nodes.map((n) => [n.id, n]));
        for (const c of graph.connections) {
          const source = byId.get(c.sourceId)!;
          const target = byId.get(c.targetId)!;
          expect([c.id, source && target]).toEqual([c.id, expect.anything()]);
          const sourceDef = findBuiltinComponent(source.componentId)!;
          const targetDef = findBuiltinComponent(target.componentId)!;
          const config = validateComponentConfig(sourceDef, source.config);
          expect(outputPorts(sourceDef, config.ok ? config.config : {})).toContain(c.sourcePort);
          expect(targetDef.inputs.map((p) => p.name)).toContain(c.targetPort);
          expect([c.id, source.position.x < target.position.x]).toEqual([c.id, true]);
        }
        for (const node of graph.nodes) {
          const def = findBuiltinComponent(node.componentId)!;
          for (const port of def.inputs) {
            const wires = graph.connections.filter((c) => c.targetId === node.id && c.targetPort === port.name).length;
            if (port.required) expect([node.id, port.name, wires > 0]).toEqual([node.id, port.name, true]);
            if (!port.multiple) expect(wires).toBeLessThanOrEqual(1);
          }
        }
      }
    });

    it('documents exactly the outputs its output nodes produce, and declares the services it needs', () => {
      const outputNames = template.graph.nodes.filter((n) => n.componentId === 'core/output').map((n) => String(n.config.name ?? n.id));
      expect(outputNames.sort()).toEqual(Object.keys(template.expectedOutputs).sort());
      const ids = graphsOf(template.graph).flatMap((g) => g.nodes.map((n) => n.componentId));
      const needs = [...(ids.some((id) => AI_COMPONENTS.has(id)) ? ['llm'] : []), ...(ids.includes('core/http_request') ? ['http'] : [])];
      expect([...(template.needs ?? [])].sort()).toEqual(needs);
    });
  });
});

describe('shipped templates: runs', () => {
  let fakeLlm: FakeOpenAi;
  let fakeHttp: FakeHttpServer;
  let services: ComponentServices;

  beforeAll(async () => {
    fakeLlm = await startFakeOpenAi();
    fakeHttp = await startFakeHttpServer();
    services = {
      llm: new OpenAiCompatibleClient({ baseUrl: fakeLlm.url, model: FAKE_MODEL }),
      http: new HttpGuard({ allow: ['127.0.0.1'] }),
      sandbox: new QuickJsSandbox(),
      // executeGraph wires the real runSubgraph for each frame; this one must never be reached.
      runSubgraph: async () => {
        throw new Error('runSubgraph outside the interpreter');
      },
    };
  });
  afterAll(async () => {
    await fakeLlm.close();
    await fakeHttp.close();
  });

  /** HTTP templates take the API base URL as a run input; point it at the local fake service. */
  function inputsFor(template: TemplateDefinition): Record<string, unknown> {
    return template.needs?.includes('http') ? { ...template.sampleInputs, baseUrl: fakeHttp.baseUrl } : template.sampleInputs;
  }

  it.each(builtinTemplates.map((t) => [t.id, t] as [string, TemplateDefinition]))('%s gives exactly its expected outputs', async (_id, template) => {
    const result = await executeGraph({
      runId: `template-${template.id}`,
      graph: template.graph,
      inputs: inputsFor(template),
      resolveComponent: (id) => findBuiltinComponent(id),
      services,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual(template.expectedOutputs);
  });

  it('really calls the outside services the LLM and HTTP templates need', async () => {
    fakeLlm.requests.length = 0;
    fakeHttp.requests.length = 0;
    for (const id of ['basic_agent', 'http_user_lookup']) {
      const template = findBuiltinTemplate(id)!;
      await executeGraph({
        runId: `again-${id}`,
        graph: template.graph,
        inputs: inputsFor(template),
        resolveComponent: (c) => findBuiltinComponent(c),
        services,
      });
    }
    expect(fakeLlm.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(fakeLlm.requests[0].body.messages[0]).toEqual({ role: 'system', content: 'You are a concise, helpful assistant.' });
    expect(fakeHttp.requests).toEqual([{ method: 'GET', url: '/users/3' }]);
  });

  it('fails an LLM template with a clear error when no LLM is configured', async () => {
    const template = findBuiltinTemplate('basic_agent')!;
    const result = await executeGraph({
      runId: 'unconfigured',
      graph: template.graph,
      inputs: template.sampleInputs,
      resolveComponent: (id) => findBuiltinComponent(id),
      services: { ...services, llm: new OpenAiCompatibleClient({}) },
    });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain('LLM_BASE_URL');
  });
});
