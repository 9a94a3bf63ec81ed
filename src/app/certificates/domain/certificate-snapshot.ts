/*
 * What the Bootstrap VM and the cluster nodes trust, reduced to public facts, and whether each of
 * CSE's two lists is proven against the chain a registry served. Kept in the status entity so that
 * a tenant administrator sees it without reading VCDKEConfig.
 */
import type { CertificateSnapshot, TrustedCertificateFacts } from '../../shared/status-store/domain';
import { splitPemBlocks } from './pem';
import { summarizeCertificate } from './certificate-summary';
import { proveTrust } from './trust-proof';

export interface SnapshotInput {
  readonly bootstrapCertificates: readonly string[];
  readonly nodeCertificates: readonly string[];
  /** The served chain, leaf first; empty when the registry check got none. */
  readonly servedChain: readonly string[];
  readonly host: string;
  readonly now: Date;
}

async function factsOf(pems: readonly string[]): Promise<TrustedCertificateFacts[]> {
  const blocks = pems.flatMap((pem) => splitPemBlocks(pem)).filter((block) => block.label === 'CERTIFICATE');
  const facts = await Promise.all(
    blocks.map(async (block): Promise<TrustedCertificateFacts | undefined> => {
      try {
        const summary = await summarizeCertificate(block.der);
        return { subject: summary.subject, notAfter: summary.notAfter.toISOString(), sha256Fingerprint: summary.sha256Fingerprint };
      } catch {
        return undefined; // an unreadable entry is flagged by the certificates section, not here
      }
    }),
  );
  return facts.filter((fact): fact is TrustedCertificateFacts => fact !== undefined);
}

export async function certificateSnapshot(input: SnapshotInput): Promise<CertificateSnapshot> {
  const prove = async (list: readonly string[]): Promise<boolean | null> =>
    input.servedChain.length === 0 ? null : (await proveTrust(input.servedChain, list, input.host, input.now)).trusted;
  const [nodes, nodesProven, bootstrapProven] = await Promise.all([
    factsOf(input.nodeCertificates),
    prove(input.nodeCertificates),
    prove(input.bootstrapCertificates),
  ]);
  return {
    checkedAt: input.now.toISOString(),
    nodes,
    bootstrapCount: input.bootstrapCertificates.length,
    nodesProven,
    bootstrapProven,
  };
}
