import { OrgError, OrgNotice, assignedNotice, failureNotice, recheckNotice, removedNotice } from './org-notice';

interface FailureCase {
  readonly error: OrgError;
  readonly notice: OrgNotice;
  readonly reloads: boolean;
}

const failureCases: readonly FailureCase[] = [
  { error: { kind: 'orgGone' }, notice: { kind: 'danger', key: 'orgs.orgGone', params: { org: 'acme' } }, reloads: true },
  { error: { kind: 'conflict' }, notice: { kind: 'warning', key: 'orgs.conflict', params: { org: 'acme' } }, reloads: true },
  { error: { kind: 'forbidden' }, notice: { kind: 'danger', key: 'orgs.forbidden', params: { org: 'acme' } }, reloads: false },
  {
    error: { kind: 'failed', detail: 'boom' },
    notice: { kind: 'danger', key: 'orgs.failed', params: { org: 'acme', detail: 'boom' } },
    reloads: false,
  },
];

describe('organization notices', () => {
  describe('failureNotice', () => {
    for (const { error, notice, reloads } of failureCases) {
      it(`says ${notice.key} for ${error.kind}${reloads ? ' and reads the page again' : ''}`, () => {
        expect(failureNotice('acme', error)).toEqual({ notice, reloads });
      });
    }
  });

  describe('success notices', () => {
    const cases: readonly { what: string; notice: OrgNotice; expected: OrgNotice }[] = [
      {
        what: 'an assignment',
        notice: assignedNotice('acme', 'harbor.example.com/acme'),
        expected: { kind: 'success', key: 'orgs.assigned', params: { org: 'acme', base: 'harbor.example.com/acme' } },
      },
      { what: 'a removal', notice: removedNotice('acme'), expected: { kind: 'success', key: 'orgs.removed', params: { org: 'acme' } } },
      {
        what: 'tenant re-checks allowed',
        notice: recheckNotice('acme', true),
        expected: { kind: 'success', key: 'orgs.recheckEnabled', params: { org: 'acme' } },
      },
      {
        what: 'tenant re-checks withdrawn',
        notice: recheckNotice('acme', false),
        expected: { kind: 'success', key: 'orgs.recheckDisabled', params: { org: 'acme' } },
      },
    ];
    for (const { what, notice, expected } of cases) {
      it(`names the organization after ${what}`, () => {
        expect(notice).toEqual(expected);
      });
    }
  });
});
