import {
  MAX_REGISTRY_URL_LENGTH,
  REGISTRY_URL_ERROR_CODES,
  RegistryUrlErrorCode,
  RegistryUrlProblem,
  validateRegistryUrl,
} from './registry-url';

// What validateRegistryUrl rejects, with the one-click fix it offers; what it accepts is in registry-url.spec.ts.

type Params = Readonly<Record<string, string | number>>;

interface InvalidCase {
  readonly input: string;
  /** Every problem, in the order the UI lists them. */
  readonly errors: readonly RegistryUrlErrorCode[];
  /** The one corrected value every fixable problem offers; absent when none is offered. */
  readonly fix?: string;
  readonly params?: Partial<Record<RegistryUrlErrorCode, Params>>;
}

const FIXLESS: readonly RegistryUrlErrorCode[] = ['empty', 'whitespace', 'invalidHost', 'invalidPort', 'invalidPathSegment', 'tooLong'];
const LONGEST_LABEL = 'a'.repeat(63);

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

  it('has a case for every error code', () => {
    const errorCodes = new Set(invalidCases.flatMap((testCase) => testCase.errors));
    expect([...REGISTRY_URL_ERROR_CODES].filter((code) => !errorCodes.has(code))).toEqual([]);
  });
});
