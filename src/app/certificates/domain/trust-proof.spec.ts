import 'reflect-metadata';
import { TestIdentity, TestPki, makeCa, makeLeaf, testPki } from '../testing/test-pki';
import { ProofProblem, TrustProof, proveTrust, servedCaCertificates } from './trust-proof';

const day = (date: Date): string => date.toISOString().slice(0, 10);
const pems = (...identities: TestIdentity[]): string[] => identities.map((identity) => identity.pem);

interface ProofCase {
  readonly what: string;
  readonly served: (pki: TestPki) => string[];
  readonly trusted: (pki: TestPki) => string[];
  readonly host?: string;
  readonly expected: (pki: TestPki) => TrustProof;
}

const LEAF = 'CN=harbor.corp.local';
const ISSUING = 'CN=Corp Issuing CA';
const ROOT = 'CN=Corp Root CA';

const CASES: readonly ProofCase[] = [
  {
    what: 'is trusted through a listed root',
    served: (pki) => pems(pki.directLeaf),
    trusted: (pki) => pems(pki.ecRoot),
    host: 'registry.corp.local',
    expected: () => ({ trusted: true, path: ['CN=registry.corp.local', ROOT], anchor: ROOT, notes: [] }),
  },
  {
    what: 'is trusted through a served intermediate and a listed root',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate),
    trusted: (pki) => pems(pki.rsaRoot, pki.ecRoot),
    expected: () => ({ trusted: true, path: [LEAF, ISSUING, ROOT], anchor: ROOT, notes: [] }),
  },
  {
    what: 'is trusted through a listed intermediate alone',
    served: (pki) => pems(pki.chainLeaf),
    trusted: (pki) => pems(pki.intermediate),
    expected: () => ({ trusted: true, path: [LEAF, ISSUING], anchor: ISSUING, notes: [] }),
  },
  {
    what: 'names the missing intermediate, which the registry does not serve',
    served: (pki) => pems(pki.chainLeaf),
    trusted: (pki) => pems(pki.ecRoot),
    expected: () => untrusted([LEAF], [{ code: 'issuerNotTrusted', params: { issuer: ISSUING, servedIssuer: false } }]),
  },
  {
    what: 'names the missing root above a served intermediate',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate),
    trusted: (pki) => pems(pki.rsaRoot),
    expected: () => untrusted([LEAF, ISSUING], [{ code: 'issuerNotTrusted', params: { issuer: ROOT, servedIssuer: false } }]),
  },
  {
    what: 'offers the served root when nothing is listed',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate, pki.ecRoot),
    trusted: () => [],
    expected: () => untrusted([LEAF, ISSUING, ROOT], [{ code: 'issuerNotTrusted', params: { issuer: ROOT, servedIssuer: true } }]),
  },
  {
    what: 'refuses a listed CA with the right name and another key',
    served: (pki) => pems(pki.directLeaf),
    trusted: (pki) => pems(pki.impostorRoot),
    host: 'registry.corp.local',
    expected: () =>
      untrusted(
        ['CN=registry.corp.local'],
        [
          { code: 'signatureInvalid', params: { subject: 'CN=registry.corp.local', issuer: ROOT } },
          { code: 'issuerNotTrusted', params: { issuer: ROOT, servedIssuer: false } },
        ],
      ),
  },
  {
    what: 'notes a stale listed CA beside the right one',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate),
    trusted: (pki) => pems(pki.impostorRoot, pki.ecRoot),
    expected: () => ({
      trusted: true,
      path: [LEAF, ISSUING, ROOT],
      anchor: ROOT,
      notes: [{ code: 'signatureInvalid', params: { subject: ISSUING, issuer: ROOT } }],
    }),
  },
  {
    what: 'refuses a host the leaf does not name',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate),
    trusted: (pki) => pems(pki.ecRoot),
    host: 'other.corp.local',
    expected: () =>
      untrusted(
        [LEAF, ISSUING, ROOT],
        [{ code: 'hostNotCovered', params: { host: 'other.corp.local', names: 'harbor.corp.local, 10.0.0.5' } }],
      ),
  },
  {
    what: 'ignores the port of the host',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate),
    trusted: (pki) => pems(pki.ecRoot),
    host: 'harbor.corp.local:8443',
    expected: () => ({ trusted: true, path: [LEAF, ISSUING, ROOT], anchor: ROOT, notes: [] }),
  },
  {
    what: 'matches an IP address host against the IP SANs',
    served: (pki) => pems(pki.chainLeaf, pki.intermediate),
    trusted: (pki) => pems(pki.ecRoot),
    host: '10.0.0.5',
    expected: () => ({ trusted: true, path: [LEAF, ISSUING, ROOT], anchor: ROOT, notes: [] }),
  },
  {
    what: 'accepts a pinned self-signed leaf, with a note',
    served: (pki) => pems(pki.selfSignedLeaf),
    trusted: (pki) => pems(pki.ecRoot, pki.selfSignedLeaf),
    host: 'selfsigned.corp.local',
    expected: () => ({
      trusted: true,
      path: ['CN=selfsigned.corp.local'],
      anchor: 'CN=selfsigned.corp.local',
      notes: [{ code: 'leafPinned', params: { subject: 'CN=selfsigned.corp.local' } }],
    }),
  },
  {
    what: 'asks to pin a self-signed leaf that is not listed',
    served: (pki) => pems(pki.selfSignedLeaf),
    trusted: (pki) => pems(pki.ecRoot),
    host: 'selfsigned.corp.local',
    expected: () =>
      untrusted(
        ['CN=selfsigned.corp.local'],
        [{ code: 'issuerNotTrusted', params: { issuer: 'CN=selfsigned.corp.local', servedIssuer: false, leafSelfSigned: true } }],
      ),
  },
  {
    what: 'reports an empty chain',
    served: () => [],
    trusted: (pki) => pems(pki.ecRoot),
    expected: () => untrusted([], [{ code: 'noChain' }]),
  },
  {
    what: 'reports a chain whose first entry is unreadable as no chain',
    served: (pki) => ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', pki.intermediate.pem],
    trusted: (pki) => pems(pki.ecRoot),
    expected: () => untrusted([], [{ code: 'noChain' }]),
  },
];

function untrusted(path: string[], problems: ProofProblem[], notes: ProofProblem[] = []): TrustProof {
  return { trusted: false, problems, path, notes };
}

describe('proveTrust', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await testPki();
  }, 30_000);

  describe('when the list is checked against the served chain', () => {
    for (const { what, served, trusted, host, expected } of CASES) {
      it(what, async () => {
        expect(await proveTrust(served(pki), trusted(pki), host ?? 'harbor.corp.local', new Date())).toEqual(expected(pki));
      });
    }
  });

  describe('when a certificate on the path is out of its validity', () => {
    it('refuses an expired CA on the path', async () => {
      const leaf = await makeLeaf(pki.expiredCa);
      const proof = await proveTrust([leaf.pem], [pki.expiredCa.pem], 'harbor.corp.local', new Date());
      expect(proof).toEqual(
        untrusted(
          [LEAF, 'CN=Expired CA'],
          [{ code: 'expired', params: { subject: 'CN=Expired CA', date: day(pki.expiredCa.certificate.notAfter) } }],
        ),
      );
    });

    it('refuses a CA on the path that is not valid yet', async () => {
      const leaf = await makeLeaf(pki.notYetValidCa);
      const proof = await proveTrust([leaf.pem], [pki.notYetValidCa.pem], 'harbor.corp.local', new Date());
      const date = day(pki.notYetValidCa.certificate.notBefore);
      expect(proof).toEqual(untrusted([LEAF, 'CN=Future CA'], [{ code: 'notYetValid', params: { subject: 'CN=Future CA', date } }]));
    });

    it('reports every problem, most decisive first', async () => {
      const leaf = await makeLeaf(pki.ecRoot, { dns: ['old.corp.local'], validDays: [-400, -1] });
      const proof = await proveTrust([leaf.pem], [pki.impostorRoot.pem], 'harbor.corp.local', new Date());
      expect(proof.trusted ? [] : proof.problems.map((problem) => problem.code)).toEqual([
        'signatureInvalid',
        'issuerNotTrusted',
        'expired',
        'hostNotCovered',
      ]);
    });
  });

  describe('when the served chain is longer than any real one', () => {
    it(`stops at ${10} certificates`, async () => {
      const cas = [await makeCa('Level 0')];
      for (let level = 1; level <= 11; level++) cas.push(await makeCa(`Level ${level}`, { issuer: cas[level - 1] }));
      const leaf = await makeLeaf(cas[11] as TestIdentity);
      const proof = await proveTrust([leaf.pem, ...pems(...cas.slice().reverse())], [], 'harbor.corp.local', new Date());
      expect(proof.trusted ? [] : proof.problems).toEqual([{ code: 'pathTooLong', params: { max: 10 } }]);
      expect(proof.path.length).toBe(11);
    }, 20_000);
  });
});

describe('servedCaCertificates', () => {
  it('offers the CAs served after the leaf, normalised and once each', async () => {
    const pki = await testPki();
    const served = [
      pki.chainLeaf.pem,
      pki.intermediate.pem.replace(/\n/g, '\r\n'),
      pki.directLeaf.pem,
      pki.ecRoot.pem,
      pki.intermediate.pem,
    ];
    expect(servedCaCertificates(served)).toEqual([`${pki.intermediate.pem}\n`, `${pki.ecRoot.pem}\n`]);
  }, 30_000);

  it('offers nothing for a lone leaf or an empty chain', async () => {
    const pki = await testPki();
    expect(servedCaCertificates([pki.selfSignedLeaf.pem])).toEqual([]);
    expect(servedCaCertificates([])).toEqual([]);
  }, 30_000);
});
