/**
 * The legacy routers are entered only for legacy paths (router/rest/route-table.ts `underLegacyPaths`): GraphQL and
 * every other path skip their layers, legacy paths reach them as before, with the router's own case rule.
 */
import express from 'express';
import { underLegacyPaths } from '../../router/rest/route-table';

const PATHS = ['/projects', '/projects/{project_id}/execute', '/ai/suggestions'];

/** The gate hands the request to the router (which marks it) or to next() untouched. */
function entered(gate: express.RequestHandler, path: string): boolean {
  const req = { path } as express.Request;
  gate(req, {} as express.Response, () => undefined);
  return (req as unknown as { routed?: boolean }).routed === true;
}

const marking: express.RequestHandler = (req, _res, next) => {
  (req as unknown as { routed: boolean }).routed = true;
  next();
};

test('only paths under a legacy first segment enter the router', () => {
  const gate = underLegacyPaths(PATHS, marking, true);
  expect(entered(gate, '/projects')).toBe(true);
  expect(entered(gate, '/projects/p1/execute')).toBe(true);
  expect(entered(gate, '/ai/analyze')).toBe(true);
  expect(entered(gate, '/graphql')).toBe(false);
  expect(entered(gate, '/')).toBe(false);
  expect(entered(gate, '/projectsX')).toBe(false);
  expect(entered(gate, '/Projects')).toBe(false);
});

test('a case-insensitive router is entered whatever the case of the segment', () => {
  const gate = underLegacyPaths(PATHS, marking, false);
  expect(entered(gate, '/PROJECTS/p1')).toBe(true);
  expect(entered(gate, '/Ai/suggestions')).toBe(true);
  expect(entered(gate, '/graphql')).toBe(false);
});

test('requests that skip the gate continue to the next handler', () => {
  const gate = underLegacyPaths(PATHS, marking, true);
  const next = jest.fn();
  gate({ path: '/graphql' } as express.Request, {} as express.Response, next);
  expect(next).toHaveBeenCalledWith();
});
