import { RegistryCheckRecord } from '../../registry/domain/registry-check';
import { BootstrapConfig, readBootstrapConfig } from './bootstrap-config';
import { BootstrapInput, bootstrapLines } from './bootstrap-lines';
import { ReadinessLine } from './readiness';

const BASE = 'harbor.corp.local/cse';
const NETWORKS = '172.17.0.0/16, 172.18.0.0/16, fc00:f853:ccd:e793::/64';

/** The CSE 4.2 template's Bootstrap VM section, with a proxy. */
function vcdKeConfig(proxyConfig: Record<string, string> = {}): unknown {
  return {
    profiles: [
      {
        bootstrapClusterConfig: {
          capiEcosystem: {
            coreCapiVersion: 'v1.4.0',
            bootstrapProvider: { name: 'CAPBK', version: 'v1.4.0' },
            controlPlaneProvider: { name: 'KCP', version: 'v1.4.0' },
            certManagerVersion: 'v1.11.1',
          },
          clusterctl: { version: 'v1.4.0', clusterctlyaml: '' },
          kindVersion: 'v0.19.0',
          kindestNodeVersion: 'v1.27.1',
          proxyConfig: { noProxy: '', httpProxy: '', httpsProxy: '', ...proxyConfig },
        },
      },
    ],
  };
}

function check(address: string | undefined, base = BASE): RegistryCheckRecord {
  return {
    base,
    accessPath: { kind: 'extApi', prefix: 'harbor' },
    checkedAt: '2026-03-01T10:00:00.000Z',
    timeoutSeconds: 10,
    steps: [{ id: 'connection', verdict: 'passed', ...(address ? { detail: address } : {}) }],
    chain: [],
    verdict: 'passed',
  };
}

/** A check whose connection step failed: VCD's cell could not resolve the registry host. */
function unresolved(): RegistryCheckRecord {
  return {
    ...check(undefined),
    steps: [
      {
        id: 'connection',
        verdict: 'failed',
        message: {
          key: 'registry.check.connection.cannotResolve',
          params: { code: 'ERROR_CANNOT_RESOLVE_IP', host: 'harbor.corp.local', port: 443 },
        },
      },
    ],
    verdict: 'failed',
  };
}

function input(change: Partial<BootstrapInput> = {}, config: BootstrapConfig = readBootstrapConfig(vcdKeConfig())): BootstrapInput {
  return { config, registryBase: BASE, vcdUrl: 'https://vcd.corp.local', registryCheck: check('10.0.0.5'), ...change };
}

function lineOf(id: ReadinessLine['id'], lines: readonly ReadinessLine[]): ReadinessLine | undefined {
  return lines.find((line) => line.id === id);
}

describe('readBootstrapConfig', () => {
  it('reads the components and versions, and no proxy when every proxy value is empty', () => {
    expect(readBootstrapConfig(vcdKeConfig())).toEqual({
      components: [
        { component: 'kind', version: 'v0.19.0' },
        { component: 'kindestNode', version: 'v1.27.1' },
        { component: 'clusterctl', version: 'v1.4.0' },
        { component: 'coreCapi', version: 'v1.4.0' },
        { component: 'bootstrapProvider', version: 'v1.4.0', name: 'CAPBK' },
        { component: 'controlPlaneProvider', version: 'v1.4.0', name: 'KCP' },
        { component: 'certManager', version: 'v1.11.1' },
      ],
    });
  });

  it('reads the proxy when one is set', () => {
    expect(readBootstrapConfig(vcdKeConfig({ httpsProxy: 'http://p:3128', noProxy: 'corp.local' })).proxy).toEqual({
      httpsProxy: 'http://p:3128',
      noProxy: 'corp.local',
    });
  });

  for (const value of [undefined, null, 'x', { profiles: [] }, { profiles: [{ bootstrapClusterConfig: 'x' }] }]) {
    it(`reads ${JSON.stringify(value)} as nothing configured`, () => {
      expect(readBootstrapConfig(value)).toEqual({ components: [] });
    });
  }
});

describe('bootstrapLines', () => {
  describe('the Bootstrap VM components', () => {
    it('asks for a manual check that lists every component with its version', () => {
      expect(lineOf('bootstrapVm', bootstrapLines(input()))).toEqual({
        id: 'bootstrapVm',
        level: 'manual',
        section: 'bootstrap',
        message: {
          key: 'readiness.bootstrapVm.manual',
          params: {
            components:
              'kind v0.19.0, kindest/node v1.27.1, clusterctl v1.4.0, Cluster API v1.4.0, bootstrap provider (CAPBK) v1.4.0, control plane provider (KCP) v1.4.0, cert-manager v1.11.1',
          },
        },
      });
    });

    it('says when vcdKeConfig names none', () => {
      expect(lineOf('bootstrapVm', bootstrapLines(input({}, { components: [] })))?.message.key).toBe('readiness.bootstrapVm.notConfigured');
    });
  });

  describe('the proxy', () => {
    const PROXY = 'http://cse:s3cret@proxy.corp.example:3128';
    const rows: readonly (readonly [string, string, ReadinessLine['level'], string, Record<string, string | number>])[] = [
      ['misses the registry', '.corp.example, vcd.corp.local', 'attention', 'proxied', { hosts: 'harbor.corp.local', count: 1 }],
      ['misses both', '10.0.0.0/8', 'attention', 'proxied', { hosts: 'harbor.corp.local, vcd.corp.local', count: 2 }],
      ['covers both by suffix', 'corp.local', 'ready', 'bypassed', { hosts: 'harbor.corp.local, vcd.corp.local' }],
      ['is * ', ' * ', 'ready', 'bypassed', { hosts: 'harbor.corp.local, vcd.corp.local' }],
    ];
    for (const [when, noProxy, level, key, params] of rows) {
      it(`is ${level} when noProxy ${when}, and never shows the proxy's credentials`, () => {
        const config = readBootstrapConfig(vcdKeConfig({ httpProxy: PROXY, httpsProxy: PROXY, noProxy }));
        const found = lineOf('bootstrapProxy', bootstrapLines(input({}, config)));
        expect(found?.level).toBe(level);
        expect(found?.message).toEqual({
          key: `readiness.bootstrapProxy.${key}`,
          params: { ...params, proxy: 'http://proxy.corp.example:3128' },
        });
        expect(JSON.stringify(found)).not.toContain('s3cret');
      });
    }

    it('notes the entries Go reads differently', () => {
      const config = readBootstrapConfig(vcdKeConfig({ httpsProxy: PROXY, noProxy: 'corp.local,[fd00::1], harbor .corp' }));
      expect(lineOf('bootstrapProxy', bootstrapLines(input({}, config)))?.notes).toEqual([
        { key: 'readiness.bootstrapProxy.note.bracketsWithoutPort', params: { entry: '[fd00::1]' } },
        { key: 'readiness.bootstrapProxy.note.innerSpace', params: { entry: 'harbor .corp' } },
      ]);
    });

    it('has no line when no proxy is configured', () => {
      expect(lineOf('bootstrapProxy', bootstrapLines(input()))).toBeUndefined();
    });
  });

  describe('the bridge networks', () => {
    const rows: readonly (readonly [string, Partial<BootstrapInput>, ReadinessLine['level'], string, Record<string, string>])[] = [
      ['the registry was not checked', { registryCheck: undefined }, 'unknown', 'notChecked', { networks: NETWORKS }],
      [
        'the check was of another base',
        { registryCheck: check('10.0.0.5', 'other.local/cse') },
        'unknown',
        'notChecked',
        { networks: NETWORKS },
      ],
      [
        'VCD could not resolve the registry host',
        { registryCheck: unresolved() },
        'unknown',
        'unresolved',
        { host: 'harbor.corp.local', networks: NETWORKS },
      ],
      ['the registry is outside', {}, 'ready', 'clearRegistryOnly', { addresses: '10.0.0.5', networks: NETWORKS }],
      [
        'both are outside',
        { vcdUrl: 'https://192.168.10.4' },
        'ready',
        'clear',
        { addresses: '10.0.0.5, 192.168.10.4', networks: NETWORKS },
      ],
      [
        'the registry is on the default bridge',
        { registryCheck: check('172.17.0.9') },
        'attention',
        'inBridge.registry',
        { address: '172.17.0.9', cidr: '172.17.0.0/16', networks: NETWORKS },
      ],
      [
        'VCD is on kind network',
        { vcdAddress: '172.18.0.2' },
        'attention',
        'inBridge.vcd',
        { address: '172.18.0.2', cidr: '172.18.0.0/16', networks: NETWORKS },
      ],
      [
        'VCD is on kind IPv6 network',
        { vcdUrl: 'https://[fc00:f853:ccd:e793::4]' },
        'attention',
        'inBridge.vcd',
        { address: 'fc00:f853:ccd:e793::4', cidr: 'fc00:f853:ccd:e793::/64', networks: NETWORKS },
      ],
      [
        'the registry is a loopback address',
        { registryCheck: check('127.0.0.1') },
        'attention',
        'loopback.registry',
        { address: '127.0.0.1' },
      ],
    ];
    for (const [when, change, level, key, params] of rows) {
      it(`is ${level} when ${when}`, () => {
        const found = lineOf('bridgeNetworks', bootstrapLines(input(change)));
        expect(found?.level).toBe(level);
        expect(found?.message).toEqual({ key: `readiness.bridgeNetworks.${key}`, params });
      });
    }

    it('always reminds that the DNS servers are checked by hand once the addresses are known', () => {
      expect(lineOf('bridgeNetworks', bootstrapLines(input()))?.notes).toEqual([
        { key: 'readiness.bridgeNetworks.note.dnsManual', params: { networks: NETWORKS } },
      ]);
    });
  });
});
