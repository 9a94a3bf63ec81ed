/*
 * Harbor hands over the CA its installer knows: GET /api/v2.0/systeminfo/getcert (no credentials;
 * 404 when there is none — an older Harbor, or a registry that is not Harbor). How an answer
 * through the access path is judged; the certificate itself goes through the same reading and
 * proof as an upload. docs/domain.md#harbor-ca. Pure.
 */

export const HARBOR_CA_PATH = '/api/v2.0/systeminfo/getcert';
/** What the CA is called when it is read like an uploaded file (Harbor's Content-Disposition). */
export const HARBOR_CA_FILE_NAME = 'ca.crt';
/** A CA file is a few KiB; Harbor's answer is refused beyond the upload limit. */
export const MAX_HARBOR_CA_BYTES = 1_048_576;

export type HarborCaAnswer =
  | { readonly kind: 'found'; readonly bytes: Uint8Array }
  /** Harbor answered 404: no default root certificate, an older Harbor, or not Harbor. */
  | { readonly kind: 'notFound' }
  /** VCD answered, not Harbor: no API filter covers the path (404), or it refused the call. */
  | { readonly kind: 'notProxied'; readonly status: number }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'failed'; readonly status: number };

export function judgeHarborCaAnswer(status: number, body: Uint8Array): HarborCaAnswer {
  const text = new TextDecoder().decode(body.subarray(0, 4096));
  if (isVcdError(text)) return { kind: 'notProxied', status };
  if (status === 404) return { kind: 'notFound' };
  if (status !== 200) return { kind: 'failed', status };
  if (body.length > MAX_HARBOR_CA_BYTES) return { kind: 'tooLarge', size: body.length };
  return { kind: 'found', bytes: body };
}

/** VCD's cloudapi error body: {minorErrorCode, message}. */
function isVcdError(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { minorErrorCode?: unknown };
    return typeof parsed.minorErrorCode === 'string';
  } catch {
    return false;
  }
}
