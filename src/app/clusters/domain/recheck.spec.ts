import { ImageRecheckOutcome, RecheckVerdict, RegistryRecheckOutcome, imageVerdict, registryVerdict } from './recheck';

describe('imageVerdict', () => {
  const CASES: readonly { readonly outcome: ImageRecheckOutcome; readonly verdict: RecheckVerdict }[] = [
    { outcome: { status: 'present', reference: 'r' }, verdict: 'wouldPass' },
    { outcome: { status: 'missing', reference: 'r' }, verdict: 'stillFailing' },
    { outcome: { status: 'repositoryMissing', reference: 'r' }, verdict: 'stillFailing' },
    { outcome: { status: 'notPullable', reference: 'r' }, verdict: 'stillFailing' },
    { outcome: { status: 'error', reference: 'r', failure: 'timeout' }, verdict: 'unknown' },
  ];
  for (const row of CASES) {
    it(`says ${row.verdict} when the image is ${row.outcome.status}`, () => expect(imageVerdict(row.outcome)).toBe(row.verdict));
  }
});

describe('registryVerdict', () => {
  const outcome = (changes: Partial<RegistryRecheckOutcome>): RegistryRecheckOutcome => ({
    base: 'h/cse',
    reachable: true,
    trustedByNodes: true,
    apiAnswered: true,
    ...changes,
  });
  const CASES: readonly {
    readonly title: string;
    readonly outcome: RegistryRecheckOutcome;
    readonly concern: 'certificate' | 'reach';
    readonly verdict: RecheckVerdict;
  }[] = [
    { title: 'the nodes now trust the served chain', outcome: outcome({}), concern: 'certificate', verdict: 'wouldPass' },
    {
      title: 'the node CAs still do not prove it',
      outcome: outcome({ trustedByNodes: false }),
      concern: 'certificate',
      verdict: 'stillFailing',
    },
    { title: 'no chain came back', outcome: outcome({ trustedByNodes: null }), concern: 'certificate', verdict: 'unknown' },
    { title: 'VCD cannot reach the registry', outcome: outcome({ reachable: false }), concern: 'reach', verdict: 'stillFailing' },
    { title: 'VCD reaches it and its API answers', outcome: outcome({}), concern: 'reach', verdict: 'wouldPass' },
    {
      title: 'VCD reaches it but its API did not answer the plug-in',
      outcome: outcome({ apiAnswered: false }),
      concern: 'reach',
      verdict: 'unknown',
    },
  ];
  for (const row of CASES) {
    it(`says ${row.verdict} when ${row.title}`, () => expect(registryVerdict(row.outcome, row.concern)).toBe(row.verdict));
  }
});
