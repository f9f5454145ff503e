/**
 * `GET /deployments/:id/artifacts.zip`: the generated program and the target's artefacts in one zip. Like GraphQL,
 * it answers only a request carrying the router-signed identity, and only to readers of the deployment's project.
 */
import type express from 'express';
import { zipSync, strToU8 } from 'fflate';
import type { AppConfig } from '../../platform/config';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken, type Identity } from '../../platform/identity';
import type { DeploymentService } from './deployment-service';
import type { DeploymentStore } from './deployment-store';

export function mountArtifactDownload(app: express.Express, service: DeploymentService, store: DeploymentStore, config: AppConfig) {
  app.get('/deployments/:id/artifacts.zip', async (req, res) => {
    let identity: Identity;
    try {
      identity = await verifyInternalToken(req.get(INTERNAL_TOKEN_HEADER), config.internalTokenSecret);
    } catch (err) {
      res.status(401).json({ error: (err as Error).message });
      return;
    }
    try {
      const deployment = await store.get(req.params.id);
      if (!deployment || !(await service.access.filter([deployment], identity)).length) {
        res.status(404).json({ error: `Deployment "${req.params.id}" not found` });
        return;
      }
      const [program, artifacts] = await Promise.all([store.files(deployment.id, 'program'), store.files(deployment.id, 'artifact')]);
      if (!program.length && !artifacts.length) {
        res.status(409).json({ error: `Deployment "${deployment.id}" has no files yet (status ${deployment.status})` });
        return;
      }
      // Artefacts sit beside the program (a Dockerfile builds the directory it is in); on a clash the artefact wins.
      const entries: Record<string, Uint8Array> = {};
      for (const file of [...program, ...artifacts]) entries[file.path] = strToU8(file.content);
      const zip = zipSync(entries, { level: 6 });
      res
        .status(200)
        .type('application/zip')
        .set('content-disposition', `attachment; filename="deployment_${deployment.target.toLowerCase()}_${deployment.id.slice(0, 8)}.zip"`)
        .send(Buffer.from(zip));
    } catch {
      res.status(500).json({ error: 'Internal server error' });
    }
  });
}
