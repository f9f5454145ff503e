/**
 * The API docs at /docs: swagger-ui-dist served from node_modules (no CDN), pointed at /openapi.json, with the
 * online validator badge switched off (it would call validator.swagger.io).
 */
import path from 'node:path';
import express from 'express';

const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;

export function docsRouter(): express.Router {
  const router = express.Router({ strict: true });
  // The page's assets are relative (./swagger-ui.css): they resolve under /docs/ only.
  router.get('/docs', (_req, res) => res.redirect(301, '/docs/'));
  router.get('/docs/swagger-initializer.js', (_req, res) => res.type('application/javascript').send(INITIALIZER));
  router.use('/docs/', express.static(SWAGGER_DIR, { index: 'index.html', fallthrough: true, maxAge: '1h' }));
  return router;
}
