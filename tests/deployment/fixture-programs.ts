/**
 * Hand-written serve-mode programs (`main.js --serve PORT`: GET /health, POST /run) standing in for the code
 * generator's output while it is being built, and a ProgramSource that hands them out. Real programs, really run.
 */
import type { StoredFile } from '../../subgraphs/deployment/deployment-store';
import type { GeneratedProgram, ProgramRequest, ProgramSource } from '../../subgraphs/deployment/program-source';

/** Answers /health, echoes POST /run's inputs doubled, and reports its own environment's variable names (GET /env). */
export const SERVE_JS = `
const http = require('node:http');
const port = Number(process.argv[process.argv.indexOf('--serve') + 1]);
const server = http.createServer((req, res) => {
  const send = (status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  if (req.method === 'GET' && req.url === '/health') return send(200, { status: 'healthy', pid: process.pid });
  if (req.method === 'GET' && req.url === '/env') return send(200, { names: Object.keys(process.env).sort() });
  if (req.method === 'POST' && req.url === '/run') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { inputs } = JSON.parse(body || '{}');
      send(200, { status: 'succeeded', outputs: { doubled: (inputs?.value ?? 0) * 2 } });
    });
    return;
  }
  send(404, { error: 'not found' });
});
server.listen(port, '127.0.0.1', () => console.log('serving on ' + port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export const CRASH_JS = `console.error('fatal: the workflow graph could not be loaded'); process.exit(3);\n`;

export const SERVE_PY = `
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Handler(BaseHTTPRequestHandler):
    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('content-type', 'application/json')
        self.send_header('content-length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        self._send(200, {'status': 'healthy'}) if self.path == '/health' else self._send(404, {})
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get('content-length', 0))) or b'{}')
        self._send(200, {'status': 'succeeded', 'outputs': {'doubled': body.get('inputs', {}).get('value', 0) * 2}})
    def log_message(self, *args):
        pass

if __name__ == '__main__':
    HTTPServer(('127.0.0.1', int(sys.argv[sys.argv.index('--serve') + 1])), Handler).serve_forever()
`;

export const jsProgram = (main = SERVE_JS): StoredFile[] => [
  { path: 'package.json', content: JSON.stringify({ name: 'fixture', version: '1.0.0', main: 'main.js' }) },
  { path: 'main.js', content: main },
];
export const pyProgram = (): StoredFile[] => [{ path: 'main.py', content: SERVE_PY }];

/** A gate a test opens when it wants a build to proceed (to cancel or restart while BUILDING). */
export class Gate {
  private opened!: () => void;
  readonly promise = new Promise<void>((resolve) => (this.opened = resolve));
  open() {
    this.opened();
  }
}

/** Serves the program a test chose for each project; optionally holds every load until `gate` opens. */
export class FixtureProgramSource implements ProgramSource {
  readonly programs = new Map<string, StoredFile[]>();
  gate: Gate | null = null;
  loads = 0;

  async load(request: ProgramRequest): Promise<GeneratedProgram> {
    this.loads++;
    if (this.gate) {
      // Like a real generator call, a held load gives up when the deployment's work is aborted (shutdown, cancel).
      const aborted = new Promise<never>((_, reject) => request.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
      await Promise.race([this.gate.promise, aborted]);
    }
    const files = this.programs.get(request.projectId) ?? jsProgram();
    return { artifactId: null, projectVersion: request.projectVersion, files };
  }
}
