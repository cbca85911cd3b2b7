/**
 * A local cluster: one OS process per server, on 127.0.0.1. Used by
 * `npm run serve`, the benchmark and the tests, which kill (SIGKILL) and
 * restart servers as a nemesis does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = resolve(fileURLToPath(new URL('.', import.meta.url)), 'main.ts');
/** How long a server may take from spawn to listening, in ms. */
export const START_TIMEOUT_MS = 20_000;

export interface LocalClusterOptions {
  readonly servers: number;
  readonly httpPorts: readonly number[];
  readonly raftPorts: readonly number[];
  /** Each server's disk is `dir`/S<id>. */
  readonly dir: string;
  /** Flags passed on to every server (Raft options). */
  readonly flags?: readonly string[];
  /** Where a server's output lines go; by default they are kept in `logs`. */
  readonly output?: (line: string) => void;
  /** The launcher's control address (control.ts), told to each server so a watching page finds it. */
  readonly launcherUrl?: string;
  /** Called when a started server exits by itself or by another's signal (not by kill()). */
  readonly onExit?: (id: number, how: string) => void;
}

export class LocalCluster {
  readonly urls: readonly string[];
  private readonly processes = new Map<number, ChildProcess>();
  /** Every line the servers printed, in order, when `output` is not given. */
  readonly logs: string[] = [];

  constructor(private readonly options: LocalClusterOptions) {
    this.urls = options.httpPorts.map((port) => `http://127.0.0.1:${port}`);
  }

  get ids(): number[] {
    return Array.from({ length: this.options.servers }, (_, k) => k + 1);
  }

  async startAll(): Promise<void> {
    await Promise.all(this.ids.map((id) => this.start(id)));
  }

  /** Spawns server `id` and resolves once it listens. */
  start(id: number): Promise<void> {
    const o = this.options;
    if (this.isRunning(id)) return Promise.reject(new Error(`S${id} is running already`));
    const peers = o.raftPorts.map((port) => `127.0.0.1:${port}`).join(',');
    const args = ['--import', 'tsx', MAIN, '--id', String(id), '--peers', peers];
    args.push(
      '--port',
      String(o.httpPorts[id - 1]),
      '--dir',
      join(o.dir, `S${id}`),
      ...(o.launcherUrl === undefined ? [] : ['--launcher', o.launcherUrl]),
      ...(o.flags ?? []),
    );
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.processes.set(id, child);
    const output = o.output ?? ((line: string) => this.logs.push(line));
    return new Promise((resolveStart, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`S${id} did not start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const onLines = (chunk: Buffer): void => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line === '') continue;
          output(line);
          if (line.startsWith(`S${id} listening`)) {
            clearTimeout(timer);
            resolveStart();
          }
        }
      };
      child.stdout.on('data', onLines);
      child.stderr.on('data', onLines);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const how = signal ?? `code ${code}`;
        reject(new Error(`S${id} exited before listening (${how})`));
        if (this.processes.get(id) !== child) return;
        this.processes.delete(id);
        o.onExit?.(id, how);
      });
    });
  }

  isRunning(id: number): boolean {
    return this.processes.has(id);
  }

  pid(id: number): number | undefined {
    return this.processes.get(id)?.pid;
  }

  /** Stops server `id` with `signal` (SIGKILL: a crash, nothing flushed) and waits for it to go. */
  async kill(id: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.processes.get(id);
    if (!child) return;
    this.processes.delete(id);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    await gone;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.ids.map((id) => this.kill(id)));
  }
}

/** Free TCP ports on 127.0.0.1, as the OS hands them out (for tests and the benchmark). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (s) =>
        new Promise<number>((done, fail) => {
          s.once('error', fail);
          s.listen(0, '127.0.0.1', () => done((s.address() as { port: number }).port));
        }),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  return ports;
}
