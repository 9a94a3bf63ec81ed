/*
 * The shapes the status entity keeps of a registry check: the store defines them, the registry
 * feature builds them (registry/domain re-exports them). Types only: the store imports no feature.
 */

/*
 * How the browser reaches the registry's HTTP API. Harbor sends no CORS headers, so a plug-in
 * goes through VCD's API-extension proxy (/ext-api/<prefix>/… → the external endpoint's rootUrl)
 * or through a CORS-answering proxy the provider runs ("direct").
 */
export type AccessPath = { readonly kind: 'extApi'; readonly prefix: string } | { readonly kind: 'direct'; readonly url: string };

export type StepVerdict = 'passed' | 'warning' | 'failed' | 'skipped';

export type CheckStepId = 'connection' | 'certificate' | 'registryApi' | 'harbor' | 'project';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface StepMessage {
  readonly key: string;
  readonly params?: MessageParams;
}

export interface CheckStepResult {
  readonly id: CheckStepId;
  readonly verdict: StepVerdict | 'pending' | 'running';
  readonly message?: StepMessage;
  /** Further findings that do not change the verdict's kind (e.g. several certificate warnings). */
  readonly notes?: readonly StepMessage[];
  /** Raw detail from VCD or the registry, shown as-is; never stored (storable-status.ts). */
  readonly detail?: string;
}

/** One certificate of the chain the registry serves, as kept in the record. */
export interface ServedCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly sha256Fingerprint: string;
  readonly isCa: boolean;
  readonly pem: string;
}

export interface RegistryCheckRecord {
  readonly base: string;
  readonly accessPath: AccessPath;
  readonly checkedAt: string;
  readonly checkedBy?: string;
  readonly timeoutSeconds: number;
  readonly steps: readonly CheckStepResult[];
  readonly chain: readonly ServedCertificate[];
  readonly harborVersion?: string;
  readonly verdict: StepVerdict;
}
