import { canonicalOrigin, canonicalOriginOfUrl, endpointName, extApiPrefix, fnv1a32, legacyNames, registrySlug } from './endpoint-naming';

type Origin = readonly [host: string, port?: number];
const show = ([host, port]: Origin): string => `${host}${port === undefined ? '' : `:${port}`}`;

describe('fnv1a32', () => {
  // The reference vectors of the FNV-1a 32-bit hash.
  const cases: [string, string][] = [
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ];
  for (const [text, hash] of cases) {
    it(`hashes "${text}" to ${hash}`, () => expect(fnv1a32(text)).toBe(hash));
  }
});

describe('canonicalOrigin', () => {
  const cases: [Origin, string][] = [
    [['harbor.corp.local'], 'harbor.corp.local:443'],
    [['Harbor.Corp.Local', 443], 'harbor.corp.local:443'],
    [['harbor.corp.local', 8443], 'harbor.corp.local:8443'],
    [['127.0.0.1', 5000], '127.0.0.1:5000'],
    [['[FD00:0:0::10]', 5000], '[fd00::10]:5000'],
    [['fd00::10'], '[fd00::10]:443'],
    [['bücher.example'], 'xn--bcher-kva.example:443'],
  ];
  for (const [origin, canonical] of cases) {
    it(`writes ${show(origin)} as ${canonical}`, () => expect(canonicalOrigin(...origin)).toBe(canonical));
  }
});

describe('canonicalOriginOfUrl', () => {
  const cases: [string, string | undefined][] = [
    ['https://harbor.corp.local', 'harbor.corp.local:443'],
    ['https://harbor.corp.local:443/', 'harbor.corp.local:443'],
    ['https://HARBOR.corp.local:8443/api', 'harbor.corp.local:8443'],
    ['https://[fd00:0::10]:5000', '[fd00::10]:5000'],
    ['http://harbor.corp.local', undefined],
    ['not a url', undefined],
  ];
  for (const [url, origin] of cases) {
    it(`reads ${url} as ${origin ?? 'no origin'}`, () => expect(canonicalOriginOfUrl(url)).toBe(origin));
  }
});

describe('endpointName and extApiPrefix', () => {
  // Each pair collided in 0.1.0 (one name for two registries, and the second repointed the first).
  const distinct: readonly Origin[] = [
    ['reg.a-b.com'],
    ['reg-a.b.com'],
    ['reg.a.b.com'],
    ['harbor.corp.local', 8443],
    ['harbor.corp.local-8443'],
    ['harbor.corp.local'],
    ['[fd00::10]', 443],
    ['fd00-10'],
    ['127.0.0.1', 5000],
    ['127.0.0.1-5000'],
  ];
  it('gives every registry origin its own endpoint name', () => {
    const names = distinct.map((origin) => endpointName(...origin));
    expect(new Set(names).size).withContext(names.join(', ')).toBe(distinct.length);
  });
  it('gives every registry origin its own /ext-api prefix', () => {
    const prefixes = distinct.map((origin) => extApiPrefix(...origin));
    expect(new Set(prefixes).size).withContext(prefixes.join(', ')).toBe(distinct.length);
  });

  // Spellings of one origin: one name, so that the plug-in finds what it created.
  const sameOrigin: readonly (readonly Origin[])[] = [
    [['harbor.corp.local'], ['harbor.corp.local', 443], ['HARBOR.corp.local', 443]],
    [['[fd00::10]'], ['[fd00:0:0::10]', 443], ['fd00::10']],
    [['bücher.example'], ['xn--bcher-kva.example']],
  ];
  for (const spellings of sameOrigin) {
    it(`names ${spellings.map(show).join(', ')} alike`, () => {
      expect(new Set(spellings.map((origin) => endpointName(...origin))).size).toBe(1);
      expect(new Set(spellings.map((origin) => extApiPrefix(...origin))).size).toBe(1);
    });
  }

  const shapes: [Origin, string, string][] = [
    [['harbor.corp.local', 8443], 'registry-harbor-corp-local-8443-813a42a5', 'cseairgap-harbor-corp-local-8443-813a42a5'],
    [['harbor.corp.local-8443'], 'registry-harbor-corp-local-8443-0a85ae17', 'cseairgap-harbor-corp-local-8443-0a85ae17'],
  ];
  for (const [origin, name, prefix] of shapes) {
    it(`names ${show(origin)} ${name} under /ext-api/${prefix}`, () => {
      expect(endpointName(...origin)).toBe(name);
      expect(extApiPrefix(...origin)).toBe(prefix);
    });
  }

  it('keeps a long host readable and short, in the characters VCD accepts in a name', () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`;
    expect(endpointName(host)).toMatch(/^registry-a{40}-[0-9a-f]{8}$/);
    expect(extApiPrefix(host)).toMatch(/^cseairgap-a{40}-[0-9a-f]{8}$/);
  });
});

describe('registrySlug', () => {
  const cases: [Origin, string][] = [
    [['harbor.corp.local'], 'harbor-corp-local'],
    [['Harbor.Corp.Local', 8443], 'harbor-corp-local-8443'],
    [['harbor.corp.local', 443], 'harbor-corp-local'],
    [['127.0.0.1', 5000], '127-0-0-1-5000'],
    [['[fd00::10]', 443], 'fd00-10'],
    [['xn--bcher-kva.example'], 'xn-bcher-kva-example'],
  ];
  for (const [origin, slug] of cases) {
    it(`turns ${show(origin)} into ${slug}`, () => expect(registrySlug(...origin)).toBe(slug));
  }
});

describe('legacyNames', () => {
  // What 0.1.0 created: the port in the slug whenever the URL had one, no hash.
  const cases: [Origin, string, string][] = [
    [['harbor.corp.local'], 'registry-harbor-corp-local', 'cseairgap-harbor-corp-local'],
    [['harbor.corp.local', 8443], 'registry-harbor-corp-local-8443', 'cseairgap-harbor-corp-local-8443'],
    [['[fd00::10]', 443], 'registry-fd00-10-443', 'cseairgap-fd00-10-443'],
  ];
  for (const [origin, name, prefix] of cases) {
    it(`knows 0.1.0 named ${show(origin)} ${name}`, () => expect(legacyNames(...origin)).toEqual({ endpointName: name, prefix }));
  }
});
