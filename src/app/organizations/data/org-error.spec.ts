import { HttpErrorResponse } from '@angular/common/http';
import { VcdError } from '../../vcd';
import { OrgError } from '../domain/org-notice';
import { OrgSummary } from '../domain/org-row';
import { toOrgError } from './org-error';
import { OrgGoneError } from './organizations.service';

const ACME: OrgSummary = { id: 'urn:vcloud:org:acme', name: 'acme', displayName: 'ACME Corporation', isEnabled: true };
const vcd = (error: VcdError): VcdError => error;

const cases: readonly { readonly thrown: string; readonly error: unknown; readonly expected: OrgError }[] = [
  { thrown: 'the organization was deleted', error: new OrgGoneError(ACME), expected: { kind: 'orgGone' } },
  { thrown: 'a VCD conflict', error: vcd({ kind: 'conflict', status: 412 }), expected: { kind: 'conflict' } },
  { thrown: 'a VCD refusal', error: vcd({ kind: 'forbidden', status: 403 }), expected: { kind: 'forbidden' } },
  {
    thrown: 'a VCD error with its message',
    error: vcd({ kind: 'server', status: 500, detail: 'database down' }),
    expected: { kind: 'failed', detail: 'database down' },
  },
  { thrown: 'a VCD error without message', error: vcd({ kind: 'invalid', status: 400 }), expected: { kind: 'failed', detail: '400' } },
  { thrown: 'an error of the plug-in', error: new Error('boom'), expected: { kind: 'failed', detail: 'boom' } },
  { thrown: 'an HTTP 409', error: new HttpErrorResponse({ status: 409 }), expected: { kind: 'conflict' } },
  { thrown: 'an HTTP 403', error: new HttpErrorResponse({ status: 403 }), expected: { kind: 'forbidden' } },
  {
    thrown: 'an HTTP 500 with VCD’s message',
    error: new HttpErrorResponse({ status: 500, error: { message: 'busy' } }),
    expected: { kind: 'failed', detail: 'busy' },
  },
  { thrown: 'something unknown', error: 'weird', expected: { kind: 'failed', detail: '0' } },
];

describe('toOrgError', () => {
  for (const { thrown, error, expected } of cases) {
    it(`tells ${expected.kind} from ${thrown}`, () => {
      expect(toOrgError(error)).toEqual(expected);
    });
  }
});
