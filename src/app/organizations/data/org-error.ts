/*
 * The one place that turns whatever acting on an organization threw (VCD's HTTP errors, an
 * organization deleted meanwhile, an error of the plug-in's own) into the feature's error union.
 */
import { isVcdError, toVcdError } from '../../vcd';
import { OrgError } from '../domain/org-notice';
import { isOrgGone } from './organizations.service';

export function toOrgError(error: unknown): OrgError {
  if (isOrgGone(error)) return { kind: 'orgGone' };
  // An Error of the plug-in's own carries its message; anything else came from VCD.
  const vcd = isVcdError(error) ? error : error instanceof Error ? undefined : toVcdError(error);
  if (vcd?.kind === 'conflict') return { kind: 'conflict' };
  if (vcd?.kind === 'forbidden') return { kind: 'forbidden' };
  return { kind: 'failed', detail: vcd?.detail ?? (error instanceof Error ? error.message : String(vcd?.status ?? '')) };
}
