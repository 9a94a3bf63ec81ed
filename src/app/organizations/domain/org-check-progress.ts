/* What checking one organization reports as it goes (the check service emits these). */
import { RegistryStatus } from '../../shared/status-store/domain';
import { OrgSummary } from './org-row';

export type OrgCheckPhase = 'queued' | 'registry' | 'dependencies' | 'saving' | 'done' | 'failed' | 'cancelled';

export interface OrgCheckProgress {
  readonly org: OrgSummary;
  readonly phase: OrgCheckPhase;
  readonly images?: { readonly done: number; readonly total: number };
  /** 'done': the image check was not whole (cancelled, unanswered images): the last complete one stays stored. */
  readonly imagesNotKept?: boolean;
  readonly status?: RegistryStatus;
  readonly error?: unknown;
}
