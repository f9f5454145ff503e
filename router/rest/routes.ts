/**
 * Every legacy route, in matching order: fixed paths before templated ones that could swallow them
 * (`POST /components/add` before `POST /components/{category}`, `GET /components/library` before
 * `GET /components/{category}`, `POST /debug/step` before `/debug/{session_id}`).
 */
import { assistantRoutes } from './assistant-routes';
import { codegenRoutes } from './codegen-routes';
import { debugRoutes } from './debug-routes';
import { deploymentRoutes } from './deployment-routes';
import { graphRoutes } from './graph-routes';
import { projectRoutes } from './projects-routes';
import { registryRoutes } from './registry-routes';
import type { RouteDeps, RouteSpec } from './route-table';

export const ROUTE_GROUPS = [projectRoutes, graphRoutes, registryRoutes, codegenRoutes, debugRoutes, deploymentRoutes, assistantRoutes];

export function legacyRoutes(deps: RouteDeps): RouteSpec[] {
  return ROUTE_GROUPS.flatMap((group) => group(deps));
}
