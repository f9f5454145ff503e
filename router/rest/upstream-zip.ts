/**
 * Zips built by a subgraph (the code generator's artefact zip, a deployment's artefacts) streamed through the router.
 * The subgraph route trusts only the router-signed identity, so the caller's own access decides (404 without it).
 */
import { pipeline } from 'node:stream/promises';
import type express from 'express';
import { request } from 'undici';
import type { AppConfig } from '../../platform/config';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from '../../platform/identity';
import type { RouterContext } from '../gateway';
import { RestError } from './envelope';

export interface UpstreamZip {
  service: 'codegen' | 'deployment';
  /** Path on the service, e.g. `/artifacts/<id>/zip`. */
  path: string;
  filename: string;
  /** Said when the service answers 404. */
  notFound: RestError;
}

export async function sendUpstreamZip(config: AppConfig, context: RouterContext, res: express.Response, zip: UpstreamZip): Promise<void> {
  const upstream = await request(`${config.urls[zip.service]}${zip.path}`, {
    headers: { [INTERNAL_TOKEN_HEADER]: await signInternalToken(context.identity, config.internalTokenSecret), [REQUEST_ID_HEADER]: context.requestId },
    headersTimeout: config.subgraphTimeoutMs,
    bodyTimeout: config.subgraphTimeoutMs,
  }).catch(() => {
    throw new RestError(502, 'SERVICE_UNAVAILABLE', `The ${zip.service} service is unavailable`, { service: zip.service });
  });
  if (upstream.statusCode !== 200) {
    const text = await upstream.body.text().catch(() => '');
    if (upstream.statusCode === 404) throw zip.notFound;
    // A deployment without files yet: the service says why.
    if (upstream.statusCode === 409) throw new RestError(409, 'CONFLICT', messageOf(text) ?? 'Nothing to download yet');
    throw new RestError(502, 'SERVICE_UNAVAILABLE', `The ${zip.service} service answered ${upstream.statusCode}`, { service: zip.service });
  }
  res.status(200).set({ 'content-type': 'application/zip', 'content-disposition': `attachment; filename=${zip.filename}` });
  const length = upstream.headers['content-length'];
  if (typeof length === 'string') res.set('content-length', length);
  await pipeline(upstream.body, res);
}

function messageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: string | { message?: string } };
    return typeof body.error === 'string' ? body.error : body.error?.message;
  } catch {
    return undefined;
  }
}
