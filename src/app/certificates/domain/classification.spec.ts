import 'reflect-metadata';
import { TestPki, makeCa, makeLeaf, testPki } from '../testing/test-pki';
import { CertificateRole, ClassifiedCertificate, Finding, classifyCertificates } from './classification';

const day = (date: Date): string => date.toISOString().slice(0, 10);

interface RoleCase {
  readonly what: string;
  /** The certificates given, the one under test first. */
  readonly inputs: (pki: TestPki) => readonly string[];
  readonly role: CertificateRole;
  readonly findings: (pki: TestPki) => readonly Finding[];
  readonly isUsable: boolean;
}

const CASES: readonly RoleCase[] = [
  { what: 'an EC root', inputs: (pki) => [pki.ecRoot.pem], role: 'root', findings: () => [], isUsable: true },
  { what: 'an RSA root', inputs: (pki) => [pki.rsaRoot.pem], role: 'root', findings: () => [], isUsable: true },
  { what: 'an intermediate', inputs: (pki) => [pki.intermediate.pem], role: 'intermediate', findings: () => [], isUsable: true },
  {
    what: 'a leaf whose CA is not among the inputs',
    inputs: (pki) => [pki.chainLeaf.pem, pki.ecRoot.pem],
    role: 'leaf',
    findings: () => [{ code: 'leaf', severity: 'warning', params: { issuer: 'CN=Corp Issuing CA' } }],
    isUsable: false,
  },
  {
    what: 'a leaf whose CA is among the inputs',
    inputs: (pki) => [pki.chainLeaf.pem, pki.ecRoot.pem, pki.intermediate.pem],
    role: 'leaf',
    findings: () => [{ code: 'leaf', severity: 'warning', params: { issuer: 'CN=Corp Issuing CA', issuerInInputs: 'CN=Corp Issuing CA' } }],
    isUsable: false,
  },
  {
    what: 'a leaf beside a CA of the same name but another key',
    inputs: (pki) => [pki.directLeaf.pem, pki.impostorRoot.pem],
    role: 'leaf',
    findings: () => [{ code: 'leaf', severity: 'warning', params: { issuer: 'CN=Corp Root CA' } }],
    isUsable: false,
  },
  {
    what: 'a self-signed leaf',
    inputs: (pki) => [pki.selfSignedLeaf.pem],
    role: 'leaf',
    findings: () => [{ code: 'leaf', severity: 'warning', params: { issuer: 'CN=selfsigned.corp.local' } }],
    isUsable: false,
  },
  {
    what: 'an expired CA',
    inputs: (pki) => [pki.expiredCa.pem],
    role: 'root',
    findings: (pki) => [{ code: 'expired', severity: 'error', params: { date: day(pki.expiredCa.certificate.notAfter) } }],
    isUsable: false,
  },
  {
    what: 'a CA not valid yet',
    inputs: (pki) => [pki.notYetValidCa.pem],
    role: 'root',
    findings: (pki) => [{ code: 'notYetValid', severity: 'error', params: { date: day(pki.notYetValidCa.certificate.notBefore) } }],
    isUsable: false,
  },
  {
    what: 'a CA expiring in 10 days',
    inputs: (pki) => [pki.expiringCa.pem],
    role: 'root',
    findings: (pki) => [{ code: 'expiresSoon', severity: 'warning', params: { days: 10, date: day(pki.expiringCa.certificate.notAfter) } }],
    isUsable: true,
  },
  {
    what: 'an RSA-1024 CA',
    inputs: (pki) => [pki.weakRsaCa.pem],
    role: 'root',
    findings: () => [{ code: 'weakKey', severity: 'warning', params: { bits: 1024 } }],
    isUsable: true,
  },
  {
    what: 'an intermediate signed with SHA-1',
    inputs: (pki) => [pki.sha1Intermediate.pem],
    role: 'intermediate',
    findings: () => [{ code: 'sha1Signature', severity: 'warning' }],
    isUsable: true,
  },
  {
    what: 'a CA whose notAfter is 9999-12-31',
    inputs: (pki) => [pki.noExpiryCa.pem],
    role: 'root',
    findings: () => [{ code: 'noExpiry', severity: 'info' }],
    isUsable: true,
  },
  {
    what: 'a CA given twice, once with CRLF line ends',
    inputs: (pki) => [pki.ecRoot.pem, pki.ecRoot.pem.replace(/\n/g, '\r\n')],
    role: 'root',
    findings: () => [{ code: 'duplicate', severity: 'info', params: { count: 2 } }],
    isUsable: true,
  },
];

describe('classifyCertificates', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await testPki();
  }, 30_000);

  describe('when given one kind of certificate', () => {
    for (const { what, inputs, role, findings, isUsable } of CASES) {
      it(`classifies ${what} as ${role}${isUsable ? ', usable' : ', not usable'}`, async () => {
        const [first] = await classifyCertificates(inputs(pki), new Date());
        expect({ role: first?.role, findings: first?.findings, isUsable: first?.isUsable }).toEqual({
          role,
          findings: findings(pki),
          isUsable,
        });
      });
    }
  });

  describe('when it merges and orders', () => {
    it('merges duplicates into the first, keeping input order and every index', async () => {
      const result = await classifyCertificates([pki.ecRoot.pem, pki.intermediate.pem, pki.ecRoot.pem], new Date());
      expect(result.map(pick)).toEqual([
        { subject: 'CN=Corp Root CA', occurrences: 2, inputIndexes: [0, 2] },
        { subject: 'CN=Corp Issuing CA', occurrences: 1, inputIndexes: [1] },
      ]);
    });

    it('leaves out an entry that holds no readable certificate', async () => {
      const result = await classifyCertificates(['not a certificate', pki.ecRoot.pem], new Date());
      expect(result.map(pick)).toEqual([{ subject: 'CN=Corp Root CA', occurrences: 1, inputIndexes: [1] }]);
    });

    it('reads every block of an entry that holds several', async () => {
      const result = await classifyCertificates([pki.ecRoot.pem + pki.intermediate.pem], new Date());
      expect(result.map(pick)).toEqual([
        { subject: 'CN=Corp Root CA', occurrences: 1, inputIndexes: [0] },
        { subject: 'CN=Corp Issuing CA', occurrences: 1, inputIndexes: [0] },
      ]);
    });

    it('lists errors before warnings', async () => {
      const expiredLeaf = await makeLeaf(pki.ecRoot, { validDays: [-100, -2] });
      const [leaf] = await classifyCertificates([expiredLeaf.pem], new Date());
      expect(leaf?.findings.map((finding) => finding.code)).toEqual(['expired', 'leaf']);
    });

    it('does not flag SHA-1 on a root, whose own signature no client checks', async () => {
      const [root] = await classifyCertificates([(await makeCa('Old Root', { hash: 'SHA-1' })).pem], new Date());
      expect(root?.role).toBe('root');
      expect(root?.findings).toEqual([]);
    });

    it('gives each certificate its normalised PEM and fingerprint in the summary', async () => {
      const [root] = await classifyCertificates([pki.ecRoot.pem.replace(/\n/g, '\r\n')], new Date());
      expect(root?.summary.pem).toBe(`${pki.ecRoot.pem}\n`);
      expect(root?.summary.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });
  });
});

function pick(certificate: ClassifiedCertificate): { subject: string; occurrences: number; inputIndexes: readonly number[] } {
  return { subject: certificate.summary.subject, occurrences: certificate.occurrences, inputIndexes: certificate.inputIndexes };
}
