/**
 * Our router in N processes with node:cluster (the counterpart of Hive's `--fork`): the primary only forks; every
 * worker runs `main.ts router` and the workers share the listening port (round-robin by the primary on Linux).
 * Run: `node --import tsx bench/router-cluster.ts <workers>`.
 */
import cluster from 'node:cluster';
import path from 'node:path';

const workers = Math.max(1, Number(process.argv[2] ?? 2));
cluster.setupPrimary({ exec: path.join(__dirname, '..', 'main.ts'), args: ['router'], execArgv: ['--import', 'tsx'] });
for (let i = 0; i < workers; i++) cluster.fork();
let stopping = false;
cluster.on('exit', (worker, code) => {
  if (!stopping) {
    console.error(`router worker ${worker.process.pid} exited (${code}); stopping`);
    process.exit(1);
  }
});
const stop = () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3_000).unref();
  cluster.on('exit', () => {
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
