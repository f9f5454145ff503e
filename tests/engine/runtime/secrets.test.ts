/**
 * Secrets in the interpreter (issue 16): a value reaches only the config handed to the node whose component declares
 * the field (`secretFields`), at run time; the graph, steps and events only ever hold the reference. Validation
 * refuses a reference anywhere else.
 */
import { httpRequestComponent } from '../../../engine/components/http_request';
import type { ComponentDefinition } from '../../../engine/components/types';
import { validateGraph, type ComponentShape } from '../../../engine/model/validate';
import { misplacedSecretRefs, resolveSecretFields } from '../../../engine/secrets/secret-refs';
import { graph, node, noServices, run } from './support/harness';

const SECRET = 'sk-live-interpreter-0123';
const secrets = new Map([['TOKEN', SECRET]]);

/** Reports the config it was given (what a hostile component could leak): used to show others never get a value. */
const tattler: ComponentDefinition = {
  id: 'test/tattler',
  version: '1.0.0',
  name: 'tattler',
  category: 'data',
  description: '',
  icon: '',
  color: '',
  inputs: [],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: { type: 'object' },
  run: (ctx) => ({ value: ctx.config }),
};

it('resolves the reference only into the declaring node, never into steps or events', async () => {
  const sent: Record<string, string>[] = [];
  const services = {
    ...noServices,
    http: { request: async (req: { headers?: Record<string, string> }) => (sent.push(req.headers ?? {}), { status: 200, headers: {}, body: 'ok' }) },
  };
  const workflow = graph(
    [
      node('call', 'core/http_request', { url: 'https://api.example.test/', headers: { authorization: { $secret: 'TOKEN' } } }),
      node('tell', 'test/tattler', { leak: { $secret: 'TOKEN' } }),
    ],
    [],
  );
  const result = await run(workflow, { services, secrets, components: [httpRequestComponent, tattler] });
  expect(result.status).toBe('succeeded');
  expect(sent).toEqual([{ authorization: SECRET }]);
  // The undeclared field kept its reference: the tattler saw no value.
  expect(result.steps.find((s) => s.nodeId === 'tell')?.outputs).toEqual({ value: { leak: { $secret: 'TOKEN' } } });
  expect(JSON.stringify(result.steps) + JSON.stringify(result.events) + JSON.stringify(workflow)).not.toContain(SECRET);
});

it('matches declared pointers exactly and reports misplaced references with their pointers', () => {
  const config = { url: { $secret: 'A' }, headers: { x: { $secret: 'B' }, nested: { y: { $secret: 'C' } } }, 'a/b': { $secret: 'D' } };
  expect(misplacedSecretRefs(config, ['/headers/*']).sort()).toEqual(['/a~1b', '/headers/nested/y', '/url']);
  expect(resolveSecretFields(config, ['/headers/*'], new Map([['B', 'b-value']]))).toEqual({
    ...config,
    headers: { x: 'b-value', nested: { y: { $secret: 'C' } } },
  });
  const shapes = new Map<string, ComponentShape>([
    [httpRequestComponent.id, httpRequestComponent],
    [tattler.id, tattler],
  ]);
  const report = validateGraph(
    graph(
      [
        node('t', 'test/tattler', { leak: { $secret: 'TOKEN' } }),
        node('h', 'core/http_request', { url: 'https://x.test', headers: { a: { $secret: 'TOKEN' } } }),
      ],
      [],
    ),
    shapes,
  );
  expect(report.errors).toEqual([expect.objectContaining({ code: 'SECRET_NOT_ALLOWED', nodeId: 't', field: '/leak' })]);
});
