/* The certificate domain other features and the certificates UI may import: pure TypeScript, no Angular. */
export type { CertificateSummary, Validity } from './certificate-summary';
export { certificateCoversHost, summarizeCertificate, validityAt } from './certificate-summary';
export type { CertificateInput, InputReading, InputRejection, InputRejectionCode, ReadCertificate } from './input-reading';
export { MAX_INPUT_BYTES, readCertificateInput } from './input-reading';
export { normalizePem, splitPemBlocks } from './pem';
export type { CertificateRole, ClassifiedCertificate, Finding, FindingCode, FindingSeverity } from './classification';
export { EXPIRY_WARNING_DAYS, MIN_RSA_BITS, classifyCertificates } from './classification';
export type { ProofProblem, ProofProblemCode, TrustProof } from './trust-proof';
export { MAX_PATH_LENGTH, proveTrust, servedCaCertificates } from './trust-proof';
export * from './certificate-snapshot';
export * from './expiry';
