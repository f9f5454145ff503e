/**
 * The web app (web/, built by Vite into web/dist) at `/`. Hashed files under /assets are immutable and cached for a
 * year; index.html is revalidated on every load so a new build is picked up at once. The app has no inline script,
 * so it runs under the router's default CSP. GraphiQL stays at /graphql; the app routes with `#/…` so the REST shim's
 * paths are untouched. The icon is also answered at /favicon.ico, which browsers ask for on pages that name none
 * (GraphiQL, the API docs).
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

export const WEB_DIST = path.join(__dirname, '..', 'web', 'dist');

export function mountWebApp(app: express.Express, dist = WEB_DIST): void {
  const index = path.join(dist, 'index.html');
  app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  const icon = path.join(dist, 'favicon.svg');
  app.get(['/favicon.svg', '/favicon.ico'], (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=86400')
      .type('image/svg+xml')
      .sendFile(icon, (err) => err && !res.headersSent && res.sendStatus(404));
  });
  app.get(['/', '/index.html'], (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built: run `npm --prefix web ci && npm --prefix web run build` (npm install does it).');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
}
