import { DEFAULT_CONTAINER_REGISTRY_URL } from '../../shared/cse-config/domain/vcdke-config';
import {
  DEFAULT_PUBLIC_REGISTRY,
  DERIVED_PATHS,
  MAX_REGISTRY_URL_LENGTH,
  ParsedRegistryUrl,
  REGISTRY_URL_WARNING_CODES,
  RegistryUrlProblem,
  RegistryUrlWarningCode,
  registryUrlErrors,
  registryUrlMessageKey,
  validateRegistryUrl,
} from './registry-url';

// What is rejected, and the fixes offered, is in registry-url.invalid.spec.ts.

interface ValidCase {
  readonly input: string;
  readonly parsed: Partial<ParsedRegistryUrl>;
  readonly warnings?: readonly RegistryUrlWarningCode[];
}

const LONGEST_LABEL = 'a'.repeat(63);

const validCases: readonly ValidCase[] = [
  {
    input: 'harbor.corp.local/cse',
    parsed: { value: 'harbor.corp.local/cse', host: 'harbor.corp.local', hostKind: 'dns', path: 'cse', project: 'cse' },
  },
  { input: 'harbor.corp.local', parsed: { value: 'harbor.corp.local', path: '' } },
  { input: ' \tharbor.corp.local/cse\n', parsed: { value: 'harbor.corp.local/cse' } },
  {
    input: 'Harbor.Corp.LOCAL/cse',
    parsed: { value: 'harbor.corp.local/cse', host: 'harbor.corp.local', displayHost: 'harbor.corp.local' },
  },
  {
    input: 'harbor.corp.local:8443/cse/mirror',
    parsed: { value: 'harbor.corp.local:8443/cse/mirror', port: 8443, path: 'cse/mirror', project: 'cse' },
  },
  { input: 'localhost:5000', parsed: { value: 'localhost:5000', host: 'localhost', port: 5000, path: '' } },
  { input: 'harbor/cse', parsed: { value: 'harbor/cse', host: 'harbor', hostKind: 'dns' } },
  { input: 'harbor.local:1', parsed: { port: 1 } },
  { input: 'harbor.local:65535', parsed: { port: 65535 } },
  {
    input: 'bücher.example/cse',
    parsed: { value: 'xn--bcher-kva.example/cse', host: 'xn--bcher-kva.example', displayHost: 'bücher.example' },
  },
  { input: 'BÜCHER.example/cse', parsed: { value: 'xn--bcher-kva.example/cse', displayHost: 'bücher.example' } },
  { input: 'xn--bcher-kva.example/cse', parsed: { value: 'xn--bcher-kva.example/cse', displayHost: 'bücher.example' } },
  { input: 'ハーバー.例え.jp', parsed: { value: 'xn--mdkc5kb.xn--r8jz45g.jp', displayHost: 'ハーバー.例え.jp' } },
  { input: `${LONGEST_LABEL}.local`, parsed: { host: `${LONGEST_LABEL}.local` } },
  { input: 'harbor/tkg-mirror', parsed: { path: 'tkg-mirror' } },
  { input: 'harbor/cse/tanzu_cli-mirror', parsed: { path: 'cse/tanzu_cli-mirror' } },
  { input: 'harbor/cse/tanzu_cli/mirror', parsed: { path: 'cse/tanzu_cli/mirror' } },
  { input: 'harbor.local/a.b/c_d/e__f/g--h/0-9', parsed: { path: 'a.b/c_d/e__f/g--h/0-9', project: 'a.b' } },
  { input: `harbor.local/${'a'.repeat(MAX_REGISTRY_URL_LENGTH - 13)}`, parsed: { value: `harbor.local/${'a'.repeat(242)}` } },
  { input: '10.0.0.5/cse', parsed: { value: '10.0.0.5/cse', host: '10.0.0.5', hostKind: 'ipv4' }, warnings: ['ipAddress'] },
  { input: '192.168.1.10:5000/cse', parsed: { host: '192.168.1.10', port: 5000 }, warnings: ['ipAddress'] },
  { input: '0.0.0.0', parsed: { hostKind: 'ipv4' }, warnings: ['ipAddress'] },
  { input: '[::1]', parsed: { value: '[::1]', host: '[::1]', hostKind: 'ipv6', path: '' }, warnings: ['ipAddress'] },
  { input: '[fd00::10]:5000/cse', parsed: { value: '[fd00::10]:5000/cse', host: '[fd00::10]', port: 5000 }, warnings: ['ipAddress'] },
  { input: '[FD00:0:0:0:0:0:0:A]:443', parsed: { value: '[fd00:0:0:0:0:0:0:a]:443', hostKind: 'ipv6' }, warnings: ['ipAddress'] },
  { input: '[::ffff:10.0.0.1]/cse', parsed: { host: '[::ffff:10.0.0.1]', hostKind: 'ipv6' }, warnings: ['ipAddress'] },
  { input: 'projects.registry.vmware.com', parsed: { value: DEFAULT_PUBLIC_REGISTRY }, warnings: ['defaultPublicRegistry'] },
  { input: 'Projects.Registry.VMware.com/cse', parsed: { project: 'cse' }, warnings: ['defaultPublicRegistry'] },
];

function codes(problems: readonly RegistryUrlProblem<string>[]): string[] {
  return problems.map((problem) => problem.code);
}

describe('validateRegistryUrl', () => {
  describe('when the value is a usable base', () => {
    for (const { input, parsed, warnings = [] } of validCases) {
      it(`accepts ${JSON.stringify(input)}${warnings.length ? ` and warns ${warnings.join(', ')}` : ''}`, () => {
        const result = validateRegistryUrl(input);
        if (!result.valid) {
          fail(`rejected with ${codes(result.errors).join(', ')}`);
          return;
        }
        expect(result.parsed).toEqual(jasmine.objectContaining(parsed));
        expect(codes(result.warnings)).toEqual([...warnings]);
      });
    }

    it('leaves port and project out when none is given', () => {
      expect(validateRegistryUrl('harbor.corp.local')).toEqual({
        valid: true,
        parsed: {
          value: 'harbor.corp.local',
          host: 'harbor.corp.local',
          displayHost: 'harbor.corp.local',
          hostKind: 'dns',
          path: '',
          derived: {
            tkg: 'harbor.corp.local/tkg',
            vmwareCloudDirector: 'harbor.corp.local/vmware-cloud-director',
            pluginInventory: 'harbor.corp.local/tanzu_cli/plugins/plugin-inventory:latest',
          },
        },
        warnings: [],
      });
    });

    it('derives the three CSE locations side by side under the canonical base', () => {
      const result = validateRegistryUrl('Bücher.example:8443/cse/mirror');
      expect(result.valid && result.parsed.derived).toEqual({
        tkg: 'xn--bcher-kva.example:8443/cse/mirror/tkg',
        vmwareCloudDirector: 'xn--bcher-kva.example:8443/cse/mirror/vmware-cloud-director',
        pluginInventory: 'xn--bcher-kva.example:8443/cse/mirror/tanzu_cli/plugins/plugin-inventory:latest',
      });
    });
  });

  it('has a case for every warning code', () => {
    const warningCodes = new Set(validCases.flatMap((testCase) => testCase.warnings ?? []));
    expect([...REGISTRY_URL_WARNING_CODES].filter((code) => !warningCodes.has(code))).toEqual([]);
  });
});

describe('registryUrlErrors', () => {
  it('returns null for a valid value, even one with warnings', () => {
    expect(registryUrlErrors('harbor.corp.local/cse')).toBeNull();
    expect(registryUrlErrors('10.0.0.5/cse')).toBeNull();
  });

  it('keys every problem by its code, for a reactive form', () => {
    expect(registryUrlErrors('https://harbor.local/cse/')).toEqual({
      scheme: { code: 'scheme', fix: 'harbor.local/cse' },
      trailingSlash: { code: 'trailingSlash', fix: 'harbor.local/cse' },
    });
    expect(registryUrlErrors('')).toEqual({ empty: { code: 'empty' } });
  });
});

describe('registry URL constants', () => {
  it('names a message key per code under registry.url.errors and registry.url.warnings', () => {
    expect(registryUrlMessageKey('derivedSuffix')).toBe('registry.url.errors.derivedSuffix');
    expect(registryUrlMessageKey('ipAddress')).toBe('registry.url.warnings.ipAddress');
  });

  it("agrees with CSE's default registry and derived paths", () => {
    expect(DEFAULT_PUBLIC_REGISTRY).toBe(DEFAULT_CONTAINER_REGISTRY_URL);
    expect(Object.values(DERIVED_PATHS)).toEqual(['tkg', 'vmware-cloud-director', 'tanzu_cli/plugins/plugin-inventory:latest']);
  });
});
