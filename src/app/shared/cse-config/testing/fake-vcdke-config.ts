/*
 * VCD holding CSE's one vcdKeConfig entity, as an HttpBackend: GET answers with the entity and its
 * ETag, PUT with a stale If-Match answers 412 and leaves the entity alone, as VCD does. A spec can
 * change the entity behind the editor's back (another writer), fail or hold the next write.
 * Every answer arrives on a later macrotask, so a spec sees the "in progress" state first.
 */
import { HttpBackend, HttpErrorResponse, HttpEvent, HttpHeaders, HttpRequest, HttpResponse } from '@angular/common/http';
import { Observable } from 'rxjs';
import { CseConfigDocument } from '../data/cse-config.repository';
import { JsonObject, readRegistrySettings } from '../domain/vcdke-config';

export const VCDKE_CONFIG_ID = 'urn:vcloud:entity:vmware:VCDKEConfig:1';
const ENTITY_PATH = `/cloudapi/1.0.0/entities/${VCDKE_CONFIG_ID}`;

export class FakeVcdKeConfig implements HttpBackend {
  private config: JsonObject;
  private version = 1;
  private nextWrite?: 'hang' | { readonly status: number };
  /** `PUT If-Match="v1"`, `GET`: every request made to the entity, in order. */
  readonly requests: string[] = [];

  constructor(registryUrl: string, certificateAuthorities: readonly string[] = []) {
    this.config = {
      profiles: [
        {
          containerRegistryUrl: registryUrl,
          K8Config: { certificateAuthorities: [...certificateAuthorities], mhc: { maxUnhealthyNodes: 100 } },
        },
      ],
    };
  }

  /** The entity as the editor would have read it now. */
  document(): CseConfigDocument {
    return {
      entity: { id: VCDKE_CONFIG_ID, name: 'vcdKeConfig', entityType: 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0', entity: this.config },
      etag: this.etag(),
      settings: readRegistrySettings(this.config),
    };
  }

  /** Another writer saves a new version (new ETag). */
  changeBehindYourBack(change: (config: JsonObject) => JsonObject): void {
    this.config = change(structuredClone(this.config));
    this.version++;
  }

  /** The next PUT fails with this status, or never gets an answer. */
  failNextWrite(failure: 'hang' | { readonly status: number }): void {
    this.nextWrite = failure;
  }

  handle(request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return new Observable<HttpEvent<unknown>>((subscriber) => {
      const failure = request.method === 'PUT' ? this.nextWrite : undefined;
      if (request.method === 'PUT') this.nextWrite = undefined;
      if (failure === 'hang') return undefined;
      const timer = setTimeout(() => {
        try {
          subscriber.next(this.answer(request, failure));
          subscriber.complete();
        } catch (error) {
          subscriber.error(error);
        }
      });
      return () => clearTimeout(timer);
    });
  }

  private answer(request: HttpRequest<unknown>, failure: { readonly status: number } | undefined): HttpResponse<unknown> {
    const path = new URL(request.url).pathname;
    if (path === '/api/versions') return new HttpResponse({ status: 200, body: { versionInfo: [{ version: '39.0', deprecated: false }] } });
    if (path !== ENTITY_PATH) throw new HttpErrorResponse({ status: 404, url: request.url, error: { message: `no fake for ${path}` } });
    if (request.method === 'GET') {
      this.requests.push('GET');
      return this.current();
    }
    const ifMatch = request.headers.get('If-Match');
    this.requests.push(`PUT If-Match=${ifMatch ?? ''}`);
    if (failure) throw new HttpErrorResponse({ status: failure.status, url: request.url, error: { message: 'injected failure' } });
    if (ifMatch !== this.etag()) throw new HttpErrorResponse({ status: 412, url: request.url, error: { message: 'stale If-Match' } });
    this.config = (request.body as { entity: JsonObject }).entity;
    this.version++;
    return this.current();
  }

  private current(): HttpResponse<unknown> {
    const { entity, etag } = this.document();
    return new HttpResponse({ status: 200, body: entity, headers: new HttpHeaders({ ETag: etag }) });
  }

  private etag(): string {
    return `"v${this.version}"`;
  }
}
