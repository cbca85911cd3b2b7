import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCluster, login } from './testing';

const run = promisify(execFile);
const SEED_CLIENT = fileURLToPath(new URL('../../scripts/seed-client.py', import.meta.url));

// The seed's flow, unchanged in spirit: log in, set "active", get it back,
// by the seed's own kind of client (Python requests) and by curl.
describe('the seed client flow against a real 3-server cluster', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start(3);
    await cluster.waitForLeader();
  });
  afterAll(() => cluster?.destroy());

  it('Python requests logs in, sets active and reads {"state": "active"}, through a follower too', async () => {
    const leader = await cluster.waitForLeader();
    const follower = cluster.ids.find((id) => id !== leader)!;
    const { stdout } = await run('python3', [SEED_CLIENT, cluster.url(follower), 'alice']);
    expect(JSON.parse(stdout)).toEqual({ state: 'active' });
  });

  it('keeps no password in plain text: not in any disk file, not in any log line', async () => {
    await login(cluster.url(1), 'dora', 'plain-password-42');
    const files = cluster.ids.flatMap((id) =>
      readdirSync(join(cluster.dir, `S${id}`)).map((f) => join(cluster.dir, `S${id}`, f)),
    );
    expect(files.length).toBeGreaterThan(0);
    const onDisk = files.map((f) => readFileSync(f, 'latin1')).join('');
    // The login did reach the disks, as a digest.
    expect(onDisk).toContain('"user":"dora"');
    expect(onDisk).not.toContain('plain-password-42');
    expect(cluster.logs.join('\n')).not.toContain('plain-password-42');
  });

  it('curl does the same with the /login and /state spellings', async () => {
    const url = cluster.url(1);
    const login = await run('curl', [
      '-s',
      '-X',
      'POST',
      `${url}/login`,
      '-d',
      '{"username":"bob","password":"pw"}',
    ]);
    const token = (JSON.parse(login.stdout) as { token: string }).token;
    await run('curl', [
      '-sf',
      '-X',
      'POST',
      `${url}/state`,
      '-H',
      `Authorization: Bearer ${token}`,
      '-d',
      '{"state":"active"}',
    ]);
    const read = await run('curl', ['-sf', `${cluster.url(2)}/state?username=bob`]);
    expect(read.stdout).toBe('{"state":"active"}');
    const stale = await run('curl', ['-sf', `${cluster.url(3)}/state?username=bob&stale=1`]);
    // A stale read may lag, but says that it is stale.
    expect((JSON.parse(stale.stdout) as { stale: boolean }).stale).toBe(true);
  });
});
