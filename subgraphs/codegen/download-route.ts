/**
 * `GET /artifacts/:id/zip`: the generated project as a zip. Same trust as GraphQL: the router-signed internal
 * token names the caller, and only readers of the artifact's project get it (others get 404, as if it did not exist).
 */
import type express from 'express';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AppConfig } from '../../platform/config';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken, type Identity } from '../../platform/identity';
import type { CodegenService } from './codegen-service';

export function mountDownloadRoute(app: express.Express, config: AppConfig, service: CodegenService): void {
  app.get('/artifacts/:id/zip', async (req, res) => {
    let identity: Identity;
    try {
      identity = await verifyInternalToken(req.headers[INTERNAL_TOKEN_HEADER] as string | undefined, config.internalTokenSecret);
    } catch {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'This service only answers requests forwarded by the router' } });
      return;
    }
    try {
      const artifact = await service.readable(String(req.params.id), identity);
      if (!artifact) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: `CodeArtifact "${req.params.id}" not found` } });
        return;
      }
      // One top-level folder, named after the artifact, so unzipping never scatters files into the current folder.
      const folder = `${artifact.language}-${artifact.id.slice(0, 8)}`;
      const tree: Zippable = {};
      for (const file of artifact.files) tree[`${folder}/${file.path}`] = strToU8(file.content);
      const zip = zipSync(tree, { level: 6 });
      res
        .status(200)
        .set({ 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${folder}.zip"`, 'content-length': String(zip.length) })
        .end(Buffer.from(zip));
    } catch {
      res.status(500).json({ error: { code: 'INTERNAL', message: 'the download failed' } });
    }
  });
}
