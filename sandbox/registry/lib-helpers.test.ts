// Specs for sandbox/lib/ports.ts and sandbox/lib/system-packages.ts (kept here because this part
// of the sandbox owns only those two files in lib/).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { assertPortFree, findFreePort } from '../lib/ports.js';
import { isOnPath, planSystemPackages } from '../lib/system-packages.js';

describe('findFreePort', () => {
  it('returns a port that can be listened on', async () => {
    const port = await findFreePort();
    assert.ok(port > 0);
    await assertPortFree(port);
  });
});

describe('assertPortFree', () => {
  it('rejects a port that is taken, telling the user to set PORT', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address !== 'string');
    try {
      await assert.rejects(assertPortFree(address.port), {
        message: `port ${address.port} on 127.0.0.1 is already in use; set PORT to another port`,
      });
    } finally {
      server.close();
    }
  });
});

describe('planSystemPackages', () => {
  const registry = { binary: 'docker-registry', debianPackage: 'docker-registry' };
  const chromium = { binary: 'chromium', debianPackage: 'chromium' };

  it('does nothing when nothing is missing', () => {
    assert.deepEqual(planSystemPackages([], { isRoot: false, isDebian: false }), { kind: 'nothing-to-do' });
  });

  it('installs as root on Debian, each package once', () => {
    assert.deepEqual(
      planSystemPackages([registry, chromium, { binary: 'chromium-browser', debianPackage: 'chromium' }], {
        isRoot: true,
        isDebian: true,
      }),
      {
        kind: 'install',
        packages: ['docker-registry', 'chromium'],
      },
    );
  });

  for (const host of [
    { isRoot: false, isDebian: true },
    { isRoot: true, isDebian: false },
  ]) {
    it(`asks the user with one command when root=${host.isRoot} and debian=${host.isDebian}`, () => {
      assert.deepEqual(planSystemPackages([registry, chromium], host), {
        kind: 'ask-user',
        message: 'missing system packages: install them with: sudo apt-get install -y docker-registry chromium',
      });
    });
  }
});

describe('isOnPath', () => {
  it('finds an executable on PATH and not one that is absent', async () => {
    assert.equal(await isOnPath('sh'), true);
    assert.equal(await isOnPath('cse-airgap-no-such-binary'), false);
  });
});
