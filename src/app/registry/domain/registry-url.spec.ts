import { MAX_BASE_LENGTH } from '../../dependencies/domain/longest-derived';
import { DEFAULT_CONTAINER_REGISTRY_URL } from '../../shared/cse-config/domain/vcdke-config';
import {
  DEFAULT_PUBLIC_REGISTRY,
  DERIVED_PATHS,
  MAX_REGISTRY_URL_LENGTH,
  ParsedRegistryUrl,
  REGISTRY_URL_ERROR_CODES,
  REGISTRY_URL_WARNING_CODES,
  RegistryUrlErrorCode,
  RegistryUrlProblem,
  RegistryUrlWarningCode,
  registryUrlErrors,
  registryUrlMessageKey,
  validateRegistryUrl,
} from './registry-url';

type Params = Readonly<Record<string, string | number>>;

interface ValidCase {
  readonly input: string;
  readonly parsed: Partial<ParsedRegistryUrl>;
  readonly warnings?: readonly RegistryUrlWarningCode[];
}

interface InvalidCase {
  readonly input: string;
  /** Every problem, in the order the UI lists them. */
  readonly errors: readonly RegistryUrlErrorCode[];
  /** The one corrected value every fixable problem offers; absent when none is offered. */
  readonly fix?: string;
  readonly params?: Partial<Record<RegistryUrlErrorCode, Params>>;
}

const FIXLESS: readonly RegistryUrlErrorCode[] = [
  'empty',
  'whitespace',
  'invalidHost',
  'invalidPort',
  'invalidPathSegment',
  'tooLong',
  'derivedTooLong',
];
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
  // The longest base whose derived names stay within 255 characters (docs/domain-airgap.md §5).
  { input: `harbor.local/${'a'.repeat(MAX_BASE_LENGTH - 13)}`, parsed: { value: `harbor.local/${'a'.repeat(182)}` } },
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

const invalidCases: readonly InvalidCase[] = [
  { input: '', errors: ['empty'] },
  { input: ' \n ', errors: ['empty'] },
  { input: 'https://harbor.local/cse', errors: ['scheme'], fix: 'harbor.local/cse' },
  { input: 'http://harbor.local', errors: ['scheme'], fix: 'harbor.local' },
  { input: 'oci://harbor.local/cse', errors: ['scheme'], fix: 'harbor.local/cse' },
  { input: '//harbor.local/cse', errors: ['scheme'], fix: 'harbor.local/cse' },
  { input: 'https://', errors: ['empty', 'scheme'] },
  { input: 'admin:Harbor12345@harbor.local/cse', errors: ['credentials'], fix: 'harbor.local/cse' },
  { input: 'robot@harbor.local', errors: ['credentials'], fix: 'harbor.local' },
  { input: 'admin@', errors: ['empty', 'credentials'] },
  { input: 'harbor.local/my project', errors: ['whitespace'] },
  { input: 'harbor.local /cse', errors: ['whitespace'] },
  { input: 'harbor.local/cse?tab=repositories', errors: ['queryOrFragment'], fix: 'harbor.local/cse' },
  { input: 'harbor.local/cse#repositories', errors: ['queryOrFragment'], fix: 'harbor.local/cse' },
  { input: 'harbor.local/cse/', errors: ['trailingSlash'], fix: 'harbor.local/cse' },
  { input: 'harbor.local/', errors: ['trailingSlash'], fix: 'harbor.local' },
  { input: 'harbor.local/cse///', errors: ['trailingSlash'], fix: 'harbor.local/cse' },
  { input: 'harbor.local/cse/tkg', errors: ['derivedSuffix'], fix: 'harbor.local/cse', params: { derivedSuffix: { suffix: '/tkg' } } },
  {
    input: 'harbor.local/cse/vmware-cloud-director',
    errors: ['derivedSuffix'],
    fix: 'harbor.local/cse',
    params: { derivedSuffix: { suffix: '/vmware-cloud-director' } },
  },
  {
    input: 'harbor.local/cse/tanzu_cli/plugins/plugin-inventory:latest',
    errors: ['derivedSuffix'],
    fix: 'harbor.local/cse',
    params: { derivedSuffix: { suffix: '/tanzu_cli/plugins/plugin-inventory:latest' } },
  },
  {
    input: 'harbor.local/cse/tanzu_cli/plugins/plugin-inventory',
    errors: ['derivedSuffix'],
    fix: 'harbor.local/cse',
    params: { derivedSuffix: { suffix: '/tanzu_cli/plugins/plugin-inventory' } },
  },
  {
    input: 'harbor.local/cse/tanzu_cli',
    errors: ['derivedSuffix'],
    fix: 'harbor.local/cse',
    params: { derivedSuffix: { suffix: '/tanzu_cli' } },
  },
  { input: 'harbor.local/tkg', errors: ['derivedSuffix'], fix: 'harbor.local', params: { derivedSuffix: { suffix: '/tkg' } } },
  { input: 'harbor.local/cse/TKG', errors: ['derivedSuffix'], fix: 'harbor.local/cse', params: { derivedSuffix: { suffix: '/TKG' } } },
  { input: 'harbor.local/CSE', errors: ['uppercasePath'], fix: 'harbor.local/cse', params: { uppercasePath: { segment: 'CSE' } } },
  {
    input: 'Harbor.local/Cse/Mirror',
    errors: ['uppercasePath'],
    fix: 'harbor.local/cse/mirror',
    params: { uppercasePath: { segment: 'Cse' } },
  },
  { input: 'harbor.local//cse', errors: ['emptySegment'], fix: 'harbor.local/cse' },
  { input: 'harbor.local/cse//mirror', errors: ['emptySegment'], fix: 'harbor.local/cse/mirror' },
  { input: 'harbor_1.local/cse', errors: ['invalidHost'] },
  { input: '-harbor.local', errors: ['invalidHost'] },
  { input: 'harbor-.local', errors: ['invalidHost'] },
  { input: 'harbor..local', errors: ['invalidHost'] },
  { input: 'harbor.local.', errors: ['invalidHost'] },
  { input: `${LONGEST_LABEL}a.local`, errors: ['invalidHost'] },
  { input: [LONGEST_LABEL, LONGEST_LABEL, LONGEST_LABEL, LONGEST_LABEL].join('.'), errors: ['invalidHost'] },
  { input: 'xn--zz.example', errors: ['invalidHost'] },
  { input: '256.1.1.1', errors: ['invalidHost'] },
  { input: '010.0.0.1/cse', errors: ['invalidHost'] },
  { input: '10.0.0', errors: ['invalidHost'] },
  { input: 'fd00::10', errors: ['invalidHost'] },
  { input: 'fd00::10/cse', errors: ['invalidHost'] },
  { input: '[fd00::10/cse', errors: ['invalidHost'] },
  { input: '[fd00::g]', errors: ['invalidHost'] },
  { input: '[1::2::3]', errors: ['invalidHost'] },
  { input: '[1:2:3:4:5:6:7]', errors: ['invalidHost'] },
  { input: '[::1]x', errors: ['invalidHost'] },
  { input: '/cse', errors: ['invalidHost'] },
  { input: 'harbor.local:0', errors: ['invalidPort'] },
  { input: 'harbor.local:65536/cse', errors: ['invalidPort'] },
  { input: 'harbor.local:abc', errors: ['invalidPort'] },
  { input: 'harbor.local:', errors: ['invalidPort'] },
  { input: '[fd00::10]:', errors: ['invalidPort'] },
  { input: 'harbor.local/cse:latest', errors: ['invalidPathSegment'], params: { invalidPathSegment: { segment: 'cse:latest' } } },
  { input: 'harbor.local/-cse', errors: ['invalidPathSegment'], params: { invalidPathSegment: { segment: '-cse' } } },
  { input: 'harbor.local/cse./mirror', errors: ['invalidPathSegment'], params: { invalidPathSegment: { segment: 'cse.' } } },
  { input: 'harbor.local/Café', errors: ['invalidPathSegment'], params: { invalidPathSegment: { segment: 'Café' } } },
  {
    input: `harbor.local/${'a'.repeat(MAX_BASE_LENGTH - 12)}`,
    errors: ['derivedTooLong'],
    params: { derivedTooLong: { baseLength: 196, length: 256, max: 255, allowed: 195 } },
  },
  {
    input: `harbor.local/${'a'.repeat(212)}`,
    errors: ['derivedTooLong'],
    params: { derivedTooLong: { baseLength: 225, length: 285, max: 255, allowed: 195 } },
  },
  {
    input: `harbor.local/${'a'.repeat(243)}`,
    errors: ['tooLong'],
    params: { tooLong: { max: MAX_REGISTRY_URL_LENGTH, length: 256 } },
  },
  {
    input: 'https://harbor.local/cse/tkg/',
    errors: ['scheme', 'trailingSlash', 'derivedSuffix'],
    fix: 'harbor.local/cse',
    params: { derivedSuffix: { suffix: '/tkg' } },
  },
  {
    input: 'HTTPS://Admin:pw@Harbor.Local:8443//CSE/tkg/?page=1',
    errors: ['scheme', 'credentials', 'queryOrFragment', 'trailingSlash', 'derivedSuffix', 'uppercasePath', 'emptySegment'],
    fix: 'harbor.local:8443/cse',
  },
  { input: 'https://harbor.local/my project', errors: ['scheme', 'whitespace'], fix: 'harbor.local/my project' },
  { input: 'https://harbor_x.local/cse/', errors: ['scheme', 'trailingSlash', 'invalidHost'], fix: 'harbor_x.local/cse' },
  { input: 'https://harbor.local:99999/CSE', errors: ['scheme', 'uppercasePath', 'invalidPort'], fix: 'harbor.local:99999/cse' },
  { input: 'harbor.local/Bad!/x y/ok', errors: ['whitespace', 'invalidPathSegment'], params: { invalidPathSegment: { segment: 'Bad!' } } },
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

  describe('when the value is not a usable base', () => {
    for (const { input, errors, fix, params = {} } of invalidCases) {
      it(`rejects ${JSON.stringify(input)} with ${errors.join(', ')}${fix === undefined ? '' : ` and offers ${fix}`}`, () => {
        const result = validateRegistryUrl(input);
        if (result.valid) {
          fail(`accepted as ${result.parsed.value}`);
          return;
        }
        expect(codes(result.errors)).toEqual([...errors]);
        const offered = result.errors.filter((problem) => problem.fix !== undefined);
        if (fix === undefined) {
          expect(offered).toEqual([]);
        } else {
          expect(offered.length).toBeGreaterThan(0);
          expect(offered.every((problem) => problem.fix === fix))
            .withContext(JSON.stringify(offered))
            .toBeTrue();
        }
        for (const problem of result.errors) {
          expect(problem.params)
            .withContext(problem.code)
            .toEqual(params[problem.code] ?? problem.params);
          if (FIXLESS.includes(problem.code)) {
            expect(problem.fix).withContext(problem.code).toBeUndefined();
          }
        }
      });
    }

    it('offers a fix that leaves only the problems it cannot correct', () => {
      for (const { input, errors, fix } of invalidCases.filter((testCase) => testCase.fix !== undefined)) {
        const result = validateRegistryUrl(fix ?? '');
        const remaining = result.valid ? [] : codes(result.errors);
        expect(remaining)
          .withContext(input)
          .toEqual(errors.filter((code) => FIXLESS.includes(code)));
      }
    });
  });

  it('has a case for every error and warning code', () => {
    const errorCodes = new Set(invalidCases.flatMap((testCase) => testCase.errors));
    const warningCodes = new Set(validCases.flatMap((testCase) => testCase.warnings ?? []));
    expect([...REGISTRY_URL_ERROR_CODES].filter((code) => !errorCodes.has(code))).toEqual([]);
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
