import { HttpErrorResponse } from '@angular/common/http';
import { UnsupportedApiVersionError, VCD_ERROR_MESSAGE_KEYS, VcdErrorKind, isVcdError, kindForStatus, toVcdError } from './errors';

describe('toVcdError', () => {
  const cases: { status: number; kind: VcdErrorKind }[] = [
    { status: 0, kind: 'network' },
    { status: 400, kind: 'invalid' },
    { status: 401, kind: 'unauthorized' },
    { status: 403, kind: 'forbidden' },
    { status: 404, kind: 'not-found' },
    { status: 406, kind: 'invalid' },
    { status: 409, kind: 'conflict' },
    { status: 412, kind: 'conflict' },
    { status: 422, kind: 'invalid' },
    { status: 500, kind: 'server' },
    { status: 502, kind: 'server' },
    { status: 503, kind: 'server' },
  ];

  for (const { status, kind } of cases) {
    it(`classifies HTTP ${status} as ${kind}`, () => {
      expect(kindForStatus(status)).toBe(kind);
      expect(toVcdError(new HttpErrorResponse({ status })).kind).toBe(kind);
    });
  }

  it("keeps VCD's message and minor error code from a cloudapi error body", () => {
    const error = toVcdError(
      new HttpErrorResponse({
        status: 412,
        error: { minorErrorCode: 'PRECONDITION_FAILED', message: 'ETag mismatch', stackTrace: null },
      }),
    );
    expect(error).toEqual({ kind: 'conflict', status: 412, detail: 'ETag mismatch', code: 'PRECONDITION_FAILED' });
  });

  it('ignores a body that is not a cloudapi error (an HTML error page from a proxy)', () => {
    const error = toVcdError(new HttpErrorResponse({ status: 502, error: '<html>Bad Gateway</html>' }));
    expect(error).toEqual({ kind: 'server', status: 502 });
  });

  it('passes an existing VcdError through unchanged', () => {
    const original = { kind: 'forbidden', status: 403, detail: 'no' } as const;
    expect(toVcdError(original)).toBe(original);
  });

  it('reports anything else (a thrown TypeError) as a network failure without details', () => {
    expect(toVcdError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network', status: 0 });
  });

  it('reports an API version VCD cannot speak as a 406 server problem naming both version lists', () => {
    const error = toVcdError(new UnsupportedApiVersionError(['33.0', '34.0'], ['39.0']));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(406);
    expect(error.detail).toContain('33.0, 34.0');
    expect(error.detail).toContain('39.0');
  });

  it('has one message key per kind', () => {
    const kinds: VcdErrorKind[] = ['unauthorized', 'forbidden', 'not-found', 'conflict', 'invalid', 'network', 'server', 'timeout'];
    expect(Object.keys(VCD_ERROR_MESSAGE_KEYS).sort()).toEqual([...kinds].sort());
    expect(kinds.every((kind) => isVcdError({ kind, status: 1 }))).toBeTrue();
    expect(isVcdError({ kind: 'teapot', status: 418 })).toBeFalse();
  });
});
