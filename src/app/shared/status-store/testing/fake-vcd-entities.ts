/*
 * A VCD that keeps defined entities the way the real one (and the sandbox) does, enough for the
 * status repository: list by name (FIQL OR of `name==`), create through a task (202 + Location,
 * owner = the new entity), resolve, read with an ETag, PUT with If-Match (412 when stale),
 * delete, and 403 for an entity that does not exist. Names are not unique, as in VCD. Every
 * answer arrives on a later macrotask, so that concurrent writers interleave as they would.
 */
import { HttpBackend, HttpErrorResponse, HttpEvent, HttpHeaders, HttpRequest, HttpResponse } from '@angular/common/http';
import { Observable } from 'rxjs';
import { RegistryStatus } from '../domain/registry-status';

interface StoredEntity {
  readonly id: string;
  readonly name: string;
  entity: RegistryStatus;
  etag: string;
}

const ENTITY_PREFIX = 'urn:vcloud:entity:cseairgap:registryStatus:';

export class FakeVcdEntities implements HttpBackend {
  private readonly entities = new Map<string, StoredEntity>();
  private readonly tasks = new Map<string, string>();
  private version = 0;
  /** Ids count down: an entity created later has a lower id (the keeper must not be "the first created"). */
  private nextId = 9999;
  readonly requests: string[] = [];

  constructor(private readonly origin = 'https://vcd.example.com') {}

  /** Seeds an entity as plug-in 0.1.0 (or a race) may have left it. */
  seed(id: string, name: string, entity: RegistryStatus): void {
    this.entities.set(id, { id, name, entity, etag: this.etag() });
  }

  named(name: string): StoredEntity[] {
    return [...this.entities.values()].filter((entity) => entity.name === name);
  }

  handle(request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return new Observable<HttpEvent<unknown>>((subscriber) => {
      const timer = setTimeout(() => {
        this.requests.push(`${request.method} ${request.urlWithParams}`);
        try {
          subscriber.next(this.answer(request));
          subscriber.complete();
        } catch (error) {
          subscriber.error(error);
        }
      });
      return () => clearTimeout(timer);
    });
  }

  private answer(request: HttpRequest<unknown>): HttpResponse<unknown> {
    const path = new URL(request.url).pathname;
    const method = request.method;
    if (path === '/api/versions') return ok({ versionInfo: [{ version: '39.0', deprecated: false }] });
    if (method === 'GET' && path === '/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0') {
      const names = (request.params.get('filter') ?? '').split(',').map((clause) => clause.replace(/^name==/, ''));
      const values = [...this.entities.values()].filter((entity) => names.includes(entity.name)).map((entity) => this.json(entity));
      return ok({ resultTotal: values.length, pageCount: 1, page: 1, pageSize: 128, values });
    }
    if (method === 'POST' && path.startsWith('/cloudapi/1.0.0/entityTypes/')) {
      const body = request.body as { name: string; entity: RegistryStatus };
      const id = `${ENTITY_PREFIX}${String(this.nextId--).padStart(4, '0')}`;
      this.seed(id, body.name, body.entity);
      const task = `t${this.tasks.size + 1}`;
      this.tasks.set(task, id);
      return new HttpResponse({ status: 202, headers: new HttpHeaders({ Location: `${this.origin}/api/task/${task}` }) });
    }
    const task = /^\/api\/task\/(.+)$/.exec(path);
    if (task) return ok({ status: 'running', progress: 1, owner: { id: this.tasks.get(task[1] ?? '') } });
    const resolve = /^\/cloudapi\/1\.0\.0\/entities\/([^/]+)\/resolve$/.exec(path);
    if (resolve) return ok({ id: this.existing(resolve[1] ?? '').id, state: 'RESOLVED' });
    const entity = /^\/cloudapi\/1\.0\.0\/entities\/([^/]+)$/.exec(path);
    if (entity) return this.onEntity(method, this.existing(entity[1] ?? ''), request);
    throw new HttpErrorResponse({ status: 404, url: request.url, error: { message: `no fake for ${method} ${path}` } });
  }

  private onEntity(method: string, stored: StoredEntity, request: HttpRequest<unknown>): HttpResponse<unknown> {
    if (method === 'GET') return ok(this.json(stored), stored.etag);
    if (method === 'DELETE') {
      this.entities.delete(stored.id);
      return new HttpResponse({ status: 204 });
    }
    const ifMatch = request.headers.get('If-Match');
    if (ifMatch !== null && ifMatch !== stored.etag) {
      throw new HttpErrorResponse({ status: 412, url: request.url, error: { message: 'stale If-Match' } });
    }
    stored.entity = (request.body as { entity: RegistryStatus }).entity;
    stored.etag = this.etag();
    return ok(this.json(stored), stored.etag);
  }

  /** VCD answers 403 for an entity that does not exist. */
  private existing(id: string): StoredEntity {
    const stored = this.entities.get(id);
    if (!stored) throw new HttpErrorResponse({ status: 403, url: id, error: { message: `no access to ${id}` } });
    return stored;
  }

  private json(stored: StoredEntity): object {
    return { id: stored.id, name: stored.name, entityType: 'urn:vcloud:type:cseairgap:registryStatus:1.0.0', entity: stored.entity };
  }

  private etag(): string {
    return `"v${++this.version}"`;
  }
}

function ok(body: unknown, etag?: string): HttpResponse<unknown> {
  return new HttpResponse({ status: 200, body, ...(etag ? { headers: new HttpHeaders({ ETag: etag }) } : {}) });
}
