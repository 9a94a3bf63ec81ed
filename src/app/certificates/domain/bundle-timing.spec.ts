import 'reflect-metadata';
import { TestIdentity, makeCa, makeLeaf } from '../testing/test-pki';
import { classifyCertificates } from './classification';
import { readCertificateInput } from './input-reading';

/*
 * How long reading and classifying a 200-certificate PEM bundle takes, logged for the record and
 * never asserted: timings on shared CI machines vary too much to fail a build on.
 */
describe('reading and classifying a 200-certificate bundle', () => {
  let bundle = '';

  beforeAll(async () => {
    const roots: TestIdentity[] = [];
    for (let i = 0; i < 40; i++) roots.push(await makeCa(`Bundle Root ${i}`, { key: i < 10 ? 'rsa' : 'ec' }));
    const intermediates: TestIdentity[] = [];
    for (const [i, root] of roots.entries()) intermediates.push(await makeCa(`Bundle Issuing ${i}`, { issuer: root }));
    const leaves: TestIdentity[] = [];
    for (let i = 0; i < 120; i++) {
      const issuer = intermediates[i % intermediates.length] as TestIdentity;
      leaves.push(await makeLeaf(issuer, { cn: `host${i}.corp.local`, dns: [`host${i}.corp.local`] }));
    }
    bundle = [...roots, ...intermediates, ...leaves].map((identity) => `# ${identity.certificate.subject}\n${identity.pem}\n`).join('');
  }, 60_000);

  it('reads and classifies every certificate, and logs how long it took', async () => {
    const timings: string[] = [];
    let classified = 0;
    for (const run of ['cold', 'warm']) {
      const started = performance.now();
      const reading = await readCertificateInput({ text: bundle });
      const read = performance.now();
      const result = await classifyCertificates(
        reading.certificates.map((certificate) => certificate.pem),
        new Date(),
      );
      const done = performance.now();
      classified = result.length;
      timings.push(
        `${run}: read ${(read - started).toFixed(1)} ms + classify ${(done - read).toFixed(1)} ms = ${(done - started).toFixed(1)} ms`,
      );
    }
    console.log(`[timing] 200-certificate PEM bundle (${Math.round(bundle.length / 1024)} KB): ${timings.join('; ')}`);
    expect(classified).toBe(200);
  }, 60_000);
});
