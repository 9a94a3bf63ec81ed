import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { whyUntrusted } from './probe.js';
import { makeCertificate } from '../core/test-harness.js';

describe('whyUntrusted', () => {
  let ca: X509Certificate;
  let leaf: X509Certificate;
  let stranger: X509Certificate;
  let leafOfLeaf: X509Certificate;

  before(async () => {
    const caPair = await makeCertificate({ isCa: true });
    const leafPair = await makeCertificate({ subjectAltName: 'DNS:registry.test', issuer: caPair });
    const strangerPair = await makeCertificate({ isCa: true });
    const leafOfLeafPair = await makeCertificate({ subjectAltName: 'DNS:nested.test', issuer: leafPair });
    [ca, leaf, stranger, leafOfLeaf] = [caPair, leafPair, strangerPair, leafOfLeafPair].map(
      (pair) => new X509Certificate(pair.certPem),
    ) as [X509Certificate, X509Certificate, X509Certificate, X509Certificate];
  });

  const cases: { name: string; chain: () => X509Certificate[]; anchors: () => X509Certificate[]; trusted: boolean; now?: Date }[] = [
    { name: 'trusts a leaf signed by a trusted CA', chain: () => [leaf], anchors: () => [ca], trusted: true },
    { name: 'trusts a leaf stored as trusted itself', chain: () => [leaf], anchors: () => [leaf], trusted: true },
    { name: 'trusts a chain that walks up to the CA', chain: () => [leaf, ca], anchors: () => [ca], trusted: true },
    { name: 'rejects a chain under another CA', chain: () => [leaf, ca], anchors: () => [stranger], trusted: false },
    { name: 'rejects an empty trust store', chain: () => [leaf], anchors: () => [], trusted: false },
    { name: 'rejects a leaf used as an issuer', chain: () => [leafOfLeaf, leaf], anchors: () => [ca], trusted: false },
    {
      name: 'rejects an expired chain',
      chain: () => [leaf],
      anchors: () => [ca],
      trusted: false,
      now: new Date(Date.now() + 3 * 86_400_000),
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const reason = whyUntrusted(testCase.chain(), testCase.anchors(), testCase.now);
      assert.equal(reason === undefined, testCase.trusted, reason);
    });
  }
});
