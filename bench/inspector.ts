/**
 * A minimal Chrome DevTools Protocol client for a child process started with `--inspect=127.0.0.1:0`: V8 heap
 * snapshots written to a file (streamed chunk by chunk, never held whole here) and the process's own memory figures
 * (`process.memoryUsage()`: JS heap used vs RSS, so RSS growth can be told apart from heap growth).
 */
import fs from 'node:fs';
import WebSocket from 'ws';

export interface MemoryUsageMb {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, (params: any) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.id !== undefined) {
        const call = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) call?.reject(new Error(`${message.error.message} (${message.error.code})`));
        else call?.resolve(message.result);
      } else this.listeners.get(message.method)?.(message.params);
    });
    socket.on('close', () => {
      for (const call of this.pending.values()) call.reject(new Error('inspector closed'));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      // Snapshot chunks and results can be large: no payload limit.
      const socket = new WebSocket(url, { maxPayload: 0 });
      socket.once('open', () => resolve(new Inspector(socket)));
      socket.once('error', reject);
    });
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** `process.memoryUsage()` of the inspected process, in MB. */
  async memoryUsage(): Promise<MemoryUsageMb> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`memoryUsage: ${JSON.stringify(exceptionDetails).slice(0, 300)}`);
    const raw = JSON.parse(result.value) as Record<keyof MemoryUsageMb, number>;
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return { rss: mb(raw.rss), heapUsed: mb(raw.heapUsed), heapTotal: mb(raw.heapTotal), external: mb(raw.external), arrayBuffers: mb(raw.arrayBuffers) };
  }

  /** Writes a heap snapshot (after the full GC V8 runs for it) to `file`; resolves with its size in bytes. */
  async heapSnapshot(file: string): Promise<number> {
    const out = fs.createWriteStream(file);
    let bytes = 0;
    this.listeners.set('HeapProfiler.addHeapSnapshotChunk', ({ chunk }: { chunk: string }) => {
      bytes += Buffer.byteLength(chunk);
      out.write(chunk);
    });
    try {
      await this.send('HeapProfiler.enable');
      await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    } finally {
      this.listeners.delete('HeapProfiler.addHeapSnapshotChunk');
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }
    return bytes;
  }

  close(): void {
    this.socket.close();
  }
}
