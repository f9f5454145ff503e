'use strict';
/**
 * Runtime helpers of a generated workflow (standard library only) and its command line:
 *   node workflow.js [inputs.json | -]     run once; JSON inputs from the file or stdin, JSON outputs on stdout
 *   node workflow.js --cases cases.json    run each inputs object of a JSON array; one result per case
 *   node workflow.js --serve PORT          HTTP: POST /run (JSON inputs → JSON outputs), GET /health
 * A failed run prints {"error": {"code", "message"}} and exits with status 1 (HTTP: status 422).
 */
const fs = require('node:fs');
const http = require('node:http');
const values = require('./values');
const { call } = require('./functions');
const { components } = require('./components');
const { worldComponents } = require('./world');
const { runGraph, WorkflowError } = require('./scheduler');

const errorOf = (error) => ({ code: typeof error.code === 'string' ? error.code : 'INTERNAL', message: error.message || String(error) });

async function outcome(run, inputs) {
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) return { ok: false, error: { code: 'INVALID_INPUTS', message: 'the inputs must be a JSON object' } };
  try {
    return { ok: true, outputs: await run(inputs) };
  } catch (error) {
    return { ok: false, error: errorOf(error) };
  }
}

function serve(run, port) {
  const server = http.createServer((req, res) => {
    const send = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && req.url === '/health') return send(200, { status: 'ok' });
    if (req.method !== 'POST' || req.url !== '/run') return send(404, { error: { code: 'NOT_FOUND', message: 'use POST /run or GET /health' } });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 10 * 1024 * 1024) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      let inputs;
      try {
        inputs = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return send(400, { error: { code: 'INVALID_JSON', message: 'the request body is not JSON' } });
      }
      const result = await outcome(run, inputs);
      send(result.ok ? 200 : 422, result.ok ? result.outputs : { error: result.error });
    });
  });
  server.listen(port, process.env.HOST || '127.0.0.1', () => console.error(`listening on ${server.address().port}`));
  return server;
}

async function main(run, argv = process.argv.slice(2)) {
  if (argv[0] === '--serve') return serve(run, Number(argv[1] || process.env.PORT || 8080));
  const readJson = (file) => JSON.parse(fs.readFileSync(file === '-' || file === undefined ? 0 : file, 'utf8'));
  if (argv[0] === '--cases') {
    const results = [];
    for (const inputs of readJson(argv[1])) results.push(await outcome(run, inputs));
    process.stdout.write(JSON.stringify(results) + '\n');
    return;
  }
  const result = await outcome(run, readJson(argv[0]));
  if (result.ok) process.stdout.write(JSON.stringify(result.outputs) + '\n');
  else {
    process.stdout.write(JSON.stringify({ error: result.error }) + '\n');
    process.exitCode = 1;
  }
}

module.exports = { ...values, call, components: { ...components, ...worldComponents }, runGraph, WorkflowError, main, serve, outcome };
