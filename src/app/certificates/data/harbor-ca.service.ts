/* Fetches the CA Harbor serves through the registry's access path (/ext-api or a CORS proxy). */
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, timeout } from 'rxjs';
import { AccessPath, accessBaseUrl } from '../../registry/domain';
import { VCD_SESSION } from '../../vcd';
import { HARBOR_CA_PATH, HarborCaAnswer, judgeHarborCaAnswer } from '../domain/harbor-ca';

const TIMEOUT_SECONDS = 10;

@Injectable()
export class HarborCaService {
  private readonly http = inject(HttpClient);
  private readonly apiRootUrl = inject(VCD_SESSION).apiRootUrl;

  /** Never fails: no answer at all is `{kind: 'failed', status: 0}`. */
  fetch(access: AccessPath): Observable<HarborCaAnswer> {
    const url = `${accessBaseUrl(access, this.apiRootUrl)}${HARBOR_CA_PATH}`;
    return this.http.get(url, { observe: 'response', responseType: 'arraybuffer' }).pipe(
      timeout({ first: TIMEOUT_SECONDS * 1000 }),
      map((response) => judgeHarborCaAnswer(response.status, new Uint8Array(response.body ?? new ArrayBuffer(0)))),
      catchError((error: unknown) =>
        of(
          error instanceof HttpErrorResponse && error.status > 0
            ? judgeHarborCaAnswer(error.status, new Uint8Array(error.error instanceof ArrayBuffer ? error.error : new ArrayBuffer(0)))
            : ({ kind: 'failed', status: 0 } as const),
        ),
      ),
    );
  }
}
