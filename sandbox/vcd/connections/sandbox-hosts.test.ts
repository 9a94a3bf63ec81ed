// The sandbox's own name resolution (lib/hosts.ts): vcdKeConfig can name the registry by a host
// name, testConnection reaches it, and can report another address for it (the bridge-network
// warning's test aid); the proxy seed gives the Bootstrap VM a proxy whose noProxy misses it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_REGISTRY_ALIAS, sandboxHosts } from '../../lib/hosts.js';
import { PROXY_SEED, seedVcdState } from '../core/seed.js';
import { startTlsEndpoint, startVcd, selfSigned, type VcdUnderTest } from '../core/test-harness.js';

describe('the sandbox hosts', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let endpoint: { port: number; close(): Promise<void> };

  before(async () => {
    vcd = await startVcd({ hosts: sandboxHosts({ registryAddress: '172.18.0.5' }) });
    admin = await vcd.login('administrator@System');
    endpoint = await startTlsEndpoint(await selfSigned(`DNS:${SANDBOX_REGISTRY_ALIAS}`));
  });
  after(async () => {
    await endpoint.close();
    await vcd.close();
  });

  it('lets testConnection reach the registry alias and report the configured address for it', async () => {
    const res = await vcd.call('POST', '/cloudapi/1.0.0/testConnection', {
      token: admin,
      body: { host: SANDBOX_REGISTRY_ALIAS, port: endpoint.port, secure: true, timeout: 5, hostnameVerificationAlgorithm: 'HTTPS' },
    });
    const { targetProbe } = (await res.json()) as { targetProbe: { resolvedIp: string; canConnect: boolean; connectionResult: string } };
    assert.deepEqual([targetProbe.resolvedIp, targetProbe.canConnect, targetProbe.connectionResult], ['172.18.0.5', true, 'SUCCESS']);
  });

  it('seeds a Bootstrap VM proxy whose noProxy misses the registry alias', () => {
    const state = seedVcdState({ containerRegistryUrl: `${SANDBOX_REGISTRY_ALIAS}:8443/cse`, caPem: '', fillerOrgs: 0, proxy: PROXY_SEED });
    const config = state.entities.find((entity) => entity.name === 'vcdKeConfig')?.entity as {
      profiles: { bootstrapClusterConfig: { proxyConfig: Record<string, string> }; containerRegistryUrl: string }[];
    };
    const [profile] = config.profiles;
    assert.deepEqual(profile?.bootstrapClusterConfig.proxyConfig, {
      noProxy: PROXY_SEED.noProxy,
      httpProxy: PROXY_SEED.httpProxy,
      httpsProxy: PROXY_SEED.httpsProxy,
    });
    assert.equal(profile?.containerRegistryUrl, `${SANDBOX_REGISTRY_ALIAS}:8443/cse`);
    assert.ok(!PROXY_SEED.noProxy.includes('sandbox.test'));
  });
});
