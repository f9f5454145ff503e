/** Binds an HTTP server and tells where it answers (port 0 = any free port; 0.0.0.0 is reached on loopback). */
import type http from 'node:http';

export async function listen(server: http.Server, port: number, host: string): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { port: actualPort, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}` };
}
