'use strict';
/**
 * Runs inside a LOCAL deployment's sandbox (network namespace of its own): starts the program, then carries each
 * connection on the Unix socket in the deployment directory — the only way in — to the program's loopback port.
 * Usage: node sandbox-bridge.js SOCKET PORT COMMAND [ARGS…]. Ends with the program (and ends the program on SIGTERM).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

const [socketPath, port, command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
child.on('error', (err) => {
  console.error(`could not start ${command}: ${err.message}`);
  process.exit(127);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));

fs.rmSync(socketPath, { force: true });
net
  .createServer((inbound) => {
    const outbound = net.connect(Number(port), '127.0.0.1');
    inbound.pipe(outbound).pipe(inbound);
    const close = () => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', close);
    outbound.on('error', close);
  })
  .listen(socketPath);
