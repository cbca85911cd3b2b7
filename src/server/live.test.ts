import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCluster, Watcher, call, login } from './testing';

/** The page served from this machine, as `vite preview` serves it. */
const PAGE = 'http://127.0.0.1:4204';
const ELSEWHERE = 'https://example.com';

interface View {
  id: number;
  role: string;
  servers: number[];
  launcher: string | null;
  now: number;
  users: { user: string; state: string; version: number }[];
  progress: Record<string, { nextIndex: number; matchIndex: number }>;
  wire: { seq: number; at: number; lost: string | null; message: { type: string; to: number } }[];
}

describe('what a page that watches the cluster needs from it', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start(3, [], { control: true });
  });
  afterAll(() => cluster?.destroy());

  it("streams each server's applied state, its messages, the leader's progress and the launcher", async () => {
    const leader = await cluster.waitForLeader();
    const watcher = new Watcher(Number(new URL(cluster.url(leader)).port), PAGE);
    try {
      const token = await login(cluster.url(leader), 'alice', 'secret');
      const write = await call(`${cluster.url(leader)}/state`, {
        body: { state: 'active' },
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(write.status).toBe(200);
      // Her login applies first (state '', version 0); wait for the write itself.
      await watcher.until<View>((v) => v.users.some((u) => u.user === 'alice' && u.version === 1));
      const view = watcher.frames.at(-1) as View;
      expect(view.servers).toEqual([1, 2, 3]);
      expect(view.launcher).toBe(cluster.control!.url);
      expect(view.users).toEqual([{ user: 'alice', state: 'active', version: 1 }]);
      const followers = cluster.ids.filter((id) => id !== leader);
      expect(Object.keys(view.progress).map(Number).sort()).toEqual(followers);
      // The leader's heartbeats, to each follower, sent within the last second by its clock.
      const sent = view.wire.filter((r) => r.message.type === 'AppendEntries' && r.lost === null);
      expect(new Set(sent.map((r) => r.message.to))).toEqual(new Set(followers));
      expect(sent.every((r) => r.at <= view.now && r.at > view.now - 1_000)).toBe(true);
    } finally {
      watcher.close();
    }
  });

  it('answers CORS for a page on this machine on the routes it uses, and refuses other pages', async () => {
    const url = cluster.url(1);
    const preflight = (origin: string, path: string) =>
      fetch(`${url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const ok = await preflight(PAGE, '/control/cut');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(ok.headers.get('access-control-allow-headers')).toContain('Content-Type');
    const foreign = await preflight(ELSEWHERE, '/control/cut');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // A route the page does not use gets no CORS at all.
    expect((await preflight(PAGE, '/set_state')).status).toBe(403);
    const status = await call(`${url}/status`, { headers: { Origin: PAGE } });
    expect(status.headers.get('access-control-allow-origin')).toBe(PAGE);
    // A page from elsewhere changes nothing, even with a request that needs no preflight.
    const cut = await call(`${url}/control/cut`, {
      body: { peer: 2 },
      headers: { Origin: ELSEWHERE },
    });
    expect(cut.status).toBe(403);
    expect((cut.json as { error: string }).error).toContain('this machine only');
    const after = (await call(`${url}/status`)).json as { cut: { out: number[]; in: number[] } };
    expect(after.cut).toEqual({ out: [], in: [] });
    const watcher = new Watcher(Number(new URL(url).port), ELSEWHERE);
    expect(await watcher.handshake).toMatch(/^HTTP\/1.1 403/);
    watcher.close();
  });

  it("crashes and restarts servers through the launcher's control, JSON only", async () => {
    const control = cluster.control!.url;
    const crash = (body: unknown, contentType = 'application/json') =>
      call(`${control}/crash`, { body, headers: { 'Content-Type': contentType, Origin: PAGE } });
    const plain = await crash({ server: 3 }, 'text/plain');
    expect(plain.status).toBe(415);
    expect(cluster.isRunning(3)).toBe(true);
    expect((await crash({ server: 9 })).status).toBe(400);
    expect(cluster.isRunning(3)).toBe(true);
    const pid = cluster.pid(3);
    const crashed = await crash({ server: 3 });
    expect(crashed.status).toBe(200);
    expect(crashed.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(cluster.isRunning(3)).toBe(false);
    expect((await crash({ server: 3 })).status).toBe(409);
    const listed = (await call(`${control}/servers`)).json as { id: number; running: boolean }[];
    expect(listed.map((s) => s.running)).toEqual([true, true, false]);
    const restarted = await call(`${control}/restart`, { body: { server: 3 } });
    expect(restarted.status).toBe(200);
    expect(cluster.isRunning(3)).toBe(true);
    expect(cluster.pid(3)).not.toBe(pid);
    await cluster.waitForConvergence();
  });
});
