/*
 * One row of the provider's Organizations grid: an organization as VCD lists it, joined with the
 * status entity the plug-in keeps for it (when there is one). Pure: no Angular, no HTTP.
 */
import { GAP_STATUSES, readRecord } from '../../dependencies/domain';
import { expiryOf } from '../../certificates/domain';
import { RegistryStatus } from '../../shared/status-store/domain';

export interface OrgSummary {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly isEnabled: boolean;
}

/** What the grid says of the certificates nodes trust for this organization's registry. */
export type CertificateState = 'proven' | 'expiring' | 'notProven' | 'unknown';

export interface OrgRow {
  readonly org: OrgSummary;
  /** The organization's private registry, or undefined: it uses the system registry. */
  readonly assignedBase?: string;
  readonly lastCheckedAt?: string;
  readonly present?: number;
  readonly missing?: number;
  readonly registryVerdict?: string;
  readonly certificates: CertificateState;
  readonly tenantRecheck: boolean;
  /** The status entity exists (so it is shared with the organization). */
  readonly shared: boolean;
}

export function certificateState(status: RegistryStatus | undefined, now: Date): CertificateState {
  const snapshot = status?.certificates;
  if (!snapshot || snapshot.nodesProven === null || snapshot.bootstrapProven === null) return 'unknown';
  if (!snapshot.nodesProven || !snapshot.bootstrapProven) return 'notProven';
  return snapshot.nodes.some((node) => expiryOf(node, now).state !== 'valid') ? 'expiring' : 'proven';
}

/** Present and missing images of the last dependency check (missing counts every gap). */
export function dependencyCounts(status: RegistryStatus | undefined): { present: number; missing: number } | undefined {
  const record = readRecord(status?.lastDependencyCheck);
  if (!record) return undefined;
  const missing = GAP_STATUSES.reduce((sum, gap) => sum + record.counts[gap], 0);
  return { present: record.counts.present, missing };
}

export function orgRow(org: OrgSummary, status: RegistryStatus | undefined, now: Date): OrgRow {
  const counts = dependencyCounts(status);
  const checks = [status?.lastRegistryCheck?.checkedAt, readRecord(status?.lastDependencyCheck)?.checkedAt].filter(
    (time): time is string => typeof time === 'string',
  );
  const lastCheckedAt = checks.sort().at(-1);
  return {
    org,
    ...(status?.registryBase ? { assignedBase: status.registryBase } : {}),
    ...(lastCheckedAt ? { lastCheckedAt } : {}),
    ...(counts ?? {}),
    ...(status?.lastRegistryCheck ? { registryVerdict: status.lastRegistryCheck.verdict } : {}),
    certificates: certificateState(status, now),
    tenantRecheck: status?.tenantRecheck === true,
    shared: status !== undefined,
  };
}

/** The System organization is the provider's own: it never gets a private registry here. */
export const SYSTEM_ORG_NAME = 'System';

/**
 * The FIQL filter of the grid: every organization but System, and with a search text those whose
 * name or display name contains it. VCD's FIQL has no parentheses (`;` binds tighter than `,`),
 * and its operators cannot be escaped, so they are dropped from the text.
 */
export function orgListFilter(text: string): string {
  const notSystem = `name!=${SYSTEM_ORG_NAME}`;
  const clean = text.replace(/[;,()=!<>*"'\\]/g, '').trim();
  return clean === '' ? notSystem : `name==*${clean}*;${notSystem},displayName==*${clean}*;${notSystem}`;
}
