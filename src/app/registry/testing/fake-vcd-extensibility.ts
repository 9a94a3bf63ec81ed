/*
 * VCD's external endpoints and API filters, in memory, behind HttpTestingController: it answers
 * what the service asks until the service is done, keeps a log of every change, and refuses what
 * VCD refuses (deleting an enabled endpoint). `failNext` makes one change fail, as VCD might.
 */
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { EndpointRecord } from '../domain/access-state';

interface StoredFilter {
  readonly id: string;
  readonly externalSystem: { readonly id: string; readonly name: string };
  readonly urlMatcher: { readonly urlPattern: string; readonly urlScope: string };
}

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';

export class FakeVcdExtensibility {
  endpoints: EndpointRecord[] = [];
  filters: StoredFilter[] = [];
  /** `POST externalEndpoints`, `DELETE apiFilters/<id>`, …: every request that changes something. */
  readonly changes: string[] = [];
  /** Every externalEndpoints query's filter parameter. */
  readonly endpointQueries: string[] = [];
  private failure?: { readonly change: RegExp; readonly status: number };
  private nextId = 1;

  constructor(private readonly backend: HttpTestingController) {}

  addEndpoint(endpoint: Omit<EndpointRecord, 'id'>): EndpointRecord {
    const record = { ...endpoint, id: `urn:vcloud:extensionEndpoint:${endpoint.vendor}:${endpoint.name}:${endpoint.version}` };
    this.endpoints.push(record);
    return record;
  }

  addFilter(endpoint: EndpointRecord, urlPattern: string): void {
    this.filters.push({
      id: `urn:vcloud:apiFilter:${this.nextId++}`,
      externalSystem: { id: endpoint.id, name: endpoint.name },
      urlMatcher: { urlPattern, urlScope: 'EXT_API' },
    });
  }

  patternsOf(endpointId: string): string[] {
    return this.filters.filter((filter) => filter.externalSystem.id === endpointId).map((filter) => filter.urlMatcher.urlPattern);
  }

  /** The next change whose `METHOD path` matches fails with this status. */
  failNext(change: RegExp, status = 500): void {
    this.failure = { change, status };
  }

  /** Answers every request until `work` settles; its outcome, or what it threw. */
  async serve<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = work.finally(() => (settled = true));
    done.catch(() => undefined);
    while (!settled) {
      for (const request of this.backend.match(() => true)) this.answer(request);
      await new Promise((resolve) => setTimeout(resolve));
    }
    return done;
  }

  private answer(request: TestRequest): void {
    const { method, url, body } = request.request;
    if (url.endsWith('/api/versions')) return request.flush({ versionInfo: [{ version: '39.0', deprecated: false }] });
    const path = url.slice(ROOT.length + 1);
    const change = `${method} ${path}`;
    if (method !== 'GET') {
      this.changes.push(change);
      if (this.failure?.change.test(change)) {
        const { status } = this.failure;
        this.failure = undefined;
        return request.flush({ minorErrorCode: 'INTERNAL', message: 'injected failure' }, { status, statusText: 'Failed' });
      }
    }
    const [collection, id] = path.split('/') as [string, string | undefined];
    if (collection === 'externalEndpoints') return this.answerEndpoints(request, method, id, body as EndpointRecord);
    if (collection === 'apiFilters') return this.answerFilters(request, method, id, body as StoredFilter);
    throw new Error(`unexpected request ${change}`);
  }

  private answerEndpoints(request: TestRequest, method: string, id: string | undefined, body: EndpointRecord): void {
    if (method === 'GET') {
      const filter = request.request.params.get('filter') ?? '';
      this.endpointQueries.push(filter);
      const wanted = filter.split(',').map((conjunction) => Object.fromEntries(conjunction.split(';').map((term) => term.split('=='))));
      const values = this.endpoints.filter((endpoint) =>
        wanted.some((terms: Record<string, string>) =>
          Object.entries(terms).every(([key, value]) => String(endpoint[key as keyof EndpointRecord]) === value),
        ),
      );
      return request.flush(page(values));
    }
    if (method === 'POST') return request.flush(this.addEndpoint(body));
    const index = this.endpoints.findIndex((endpoint) => endpoint.id === id);
    const existing = this.endpoints[index];
    if (!existing) return request.flush({ message: 'no such endpoint' }, { status: 403, statusText: 'Forbidden' });
    if (method === 'PUT') {
      const { enabled, rootUrl, authorizationEnabled, description } = body;
      this.endpoints[index] = { ...existing, enabled, rootUrl, authorizationEnabled, description };
      return request.flush(this.endpoints[index]);
    }
    if (existing.enabled) return request.flush({ message: 'disable it before deleting it' }, { status: 400, statusText: 'Bad Request' });
    this.endpoints.splice(index, 1);
    return request.flush(null, { status: 204, statusText: 'No Content' });
  }

  private answerFilters(request: TestRequest, method: string, id: string | undefined, body: StoredFilter): void {
    if (method === 'GET') {
      const system = (request.request.params.get('filter') ?? '').replace('externalSystem.id==', '');
      return request.flush(page(this.filters.filter((filter) => filter.externalSystem.id === system)));
    }
    if (method === 'POST') {
      const stored = { ...body, id: `urn:vcloud:apiFilter:${this.nextId++}` };
      this.filters.push(stored);
      return request.flush(stored);
    }
    this.filters = this.filters.filter((filter) => filter.id !== id);
    return request.flush(null, { status: 204, statusText: 'No Content' });
  }
}

function page(values: readonly object[]): object {
  return { resultTotal: values.length, pageCount: 1, page: 1, pageSize: 128, values };
}
