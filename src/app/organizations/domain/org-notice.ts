/*
 * The one message the Organizations tab shows after acting on an organization, and whether the
 * grid must be read again: after a conflict or a deletion, the page shown is no longer what VCD has.
 */

/** A message for the user about one organization (translated key + params). */
export interface OrgNotice {
  readonly kind: 'success' | 'danger' | 'warning';
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Every way acting on one organization fails, as the tab tells it. */
export type OrgError =
  /** The organization was deleted (or is no longer visible) since the grid was read. */
  | { readonly kind: 'orgGone' }
  /** Someone else changed the organization's entity meanwhile. */
  | { readonly kind: 'conflict' }
  | { readonly kind: 'forbidden' }
  /** Anything else; `detail` is VCD's message, the error's or the HTTP status. */
  | { readonly kind: 'failed'; readonly detail: string };

export interface FailureNotice {
  readonly notice: OrgNotice;
  /** The grid shows what VCD no longer has: read the page again. */
  readonly reloads: boolean;
}

export function failureNotice(orgName: string, error: OrgError): FailureNotice {
  const org = { org: orgName };
  switch (error.kind) {
    case 'orgGone':
      return { notice: { kind: 'danger', key: 'orgs.orgGone', params: org }, reloads: true };
    case 'conflict':
      return { notice: { kind: 'warning', key: 'orgs.conflict', params: org }, reloads: true };
    case 'forbidden':
      return { notice: { kind: 'danger', key: 'orgs.forbidden', params: org }, reloads: false };
    case 'failed':
      return { notice: { kind: 'danger', key: 'orgs.failed', params: { ...org, detail: error.detail } }, reloads: false };
  }
}

export function assignedNotice(orgName: string, base: string): OrgNotice {
  return { kind: 'success', key: 'orgs.assigned', params: { org: orgName, base } };
}

export function removedNotice(orgName: string): OrgNotice {
  return { kind: 'success', key: 'orgs.removed', params: { org: orgName } };
}

/** `enabled`: tenant administrators may now re-run the check themselves. */
export function recheckNotice(orgName: string, enabled: boolean): OrgNotice {
  return { kind: 'success', key: enabled ? 'orgs.recheckEnabled' : 'orgs.recheckDisabled', params: { org: orgName } };
}
