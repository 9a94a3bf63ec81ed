// VCD's cloudapi error body, `{minorErrorCode, message, stackTrace}` (go-vcloud-director's
// types.OpenApiError), with the message prefixed by the request id as VCD does: "[ <id> ] …".
// Every error of the stand-in goes through here so that clients need one parser.

export type MinorErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'ACCESS_TO_RESOURCE_IS_FORBIDDEN'
  | 'RESOURCE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'GATEWAY_TIMEOUT';

const CODE_BY_STATUS: Record<number, MinorErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'ACCESS_TO_RESOURCE_IS_FORBIDDEN',
  404: 'RESOURCE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

export function minorErrorCodeFor(status: number): MinorErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

export interface VcdErrorBody {
  minorErrorCode: string;
  message: string;
  stackTrace: string | null;
}

/** Thrown by handlers; the router turns it into the status and VCD's error body. */
export class VcdError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly minorErrorCode: MinorErrorCode = minorErrorCodeFor(status),
  ) {
    super(message);
  }
}

export function errorBody(requestId: string, minorErrorCode: string, message: string): VcdErrorBody {
  return { minorErrorCode, message: `[ ${requestId} ] ${message}`, stackTrace: null };
}

// The handful of messages several handlers share, worded once.
/** VCD answers 403 both for "not allowed" and "no such object", so callers cannot probe ids. */
export const forbidden = (target: string, right = ''): VcdError =>
  new VcdError(
    403,
    `Either you need some or all of the following rights [${right}] to perform operations [${right}] for ${target} or the target entity is invalid.`,
  );
export const unauthorized = (detail = 'Either no authentication token was supplied or it is invalid or expired.'): VcdError =>
  new VcdError(401, detail);
export const badRequest = (message: string): VcdError => new VcdError(400, message);
