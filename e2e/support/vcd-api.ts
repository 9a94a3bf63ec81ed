/* Talks to the sandbox's VCD API directly, as another administrator (or a script) would. */
import { APIRequestContext, expect } from '@playwright/test';
import { readSandboxInfo } from './sandbox-process';

const ACCEPT = 'application/json;version=39.0';

export interface DefinedEntity {
  id: string;
  name: string;
  entityType: string;
  entity: { profiles: Record<string, unknown>[] } & Record<string, unknown>;
}

export class VcdApi {
  readonly info = readSandboxInfo();
  private token = '';

  constructor(private readonly request: APIRequestContext) {}

  private url(path: string): string {
    return new URL(path, this.info.portalUrl).toString();
  }

  async logInAsSystemAdministrator(): Promise<void> {
    await this.logIn('administrator@System', 'provider');
  }

  /** Logs in as any persona (`user@org`), through the provider or the tenant sessions endpoint. */
  async logIn(login: string, scope: 'provider' | 'tenant' = 'tenant'): Promise<void> {
    const path = scope === 'provider' ? '/cloudapi/1.0.0/sessions/provider' : '/cloudapi/1.0.0/sessions';
    const response = await this.request.post(this.url(path), {
      headers: { Accept: ACCEPT, Authorization: `Basic ${Buffer.from(`${login}:sandbox`).toString('base64')}` },
    });
    expect(response.ok()).toBeTruthy();
    this.token = response.headers()['x-vmware-vcloud-access-token'] ?? '';
  }

  /** GET on a cloudapi path as the logged-in persona: the status and the JSON body. */
  async get(path: string): Promise<{ status: number; etag: string; body: Record<string, unknown> }> {
    const response = await this.request.get(this.url(path), { headers: this.headers() });
    const text = await response.text();
    return {
      status: response.status(),
      etag: response.headers()['etag'] ?? '',
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Accept: ACCEPT, Authorization: `Bearer ${this.token}`, ...extra };
  }

  /** PUT on a cloudapi path with If-Match: the status only. */
  async put(path: string, body: unknown, etag: string): Promise<number> {
    const response = await this.request.put(this.url(path), {
      headers: this.headers({ 'If-Match': etag, 'Content-Type': 'application/json' }),
      data: body,
    });
    return response.status();
  }

  /** Deletes an organization the way a provider would (force: disable first, remove its objects). */
  async deleteOrg(name: string): Promise<void> {
    const orgs = await this.get(`/cloudapi/1.0.0/orgs?filter=name==${name}`);
    const [org] = (orgs.body['values'] ?? []) as { id: string }[];
    if (!org) throw new Error(`no org ${name}`);
    const response = await this.request.delete(this.url(`/cloudapi/1.0.0/orgs/${org.id}?force=true`), { headers: this.headers() });
    expect(response.ok(), await response.text()).toBeTruthy();
  }

  async vcdKeConfig(): Promise<{ entity: DefinedEntity; etag: string }> {
    const list = await this.request.get(this.url('/cloudapi/1.0.0/entities/types/vmware/VCDKEConfig/1.1.0?filter=name==vcdKeConfig'), {
      headers: this.headers(),
    });
    const [first] = ((await list.json()) as { values: DefinedEntity[] }).values;
    if (!first) throw new Error('no vcdKeConfig in the sandbox');
    const response = await this.request.get(this.url(`/cloudapi/1.0.0/entities/${first.id}`), { headers: this.headers() });
    return { entity: (await response.json()) as DefinedEntity, etag: response.headers()['etag'] ?? '' };
  }

  /** Changes vcdKeConfig the way another administrator would, between the plug-in's read and write. */
  async changeVcdKeConfig(change: (entity: DefinedEntity) => void): Promise<void> {
    const { entity, etag } = await this.vcdKeConfig();
    change(entity);
    const response = await this.request.put(this.url(`/cloudapi/1.0.0/entities/${entity.id}`), {
      headers: this.headers({ 'If-Match': etag, 'Content-Type': 'application/json' }),
      data: entity,
    });
    expect(response.ok(), await response.text()).toBeTruthy();
  }

  /** No CA certificate for the Bootstrap VM nor for the cluster nodes. */
  async clearCertificateAuthorities(): Promise<void> {
    await this.changeVcdKeConfig((entity) => {
      const profile = entity.entity.profiles[0] as {
        bootstrapClusterConfig: { certificateAuthorities: string[] };
        K8Config: { certificateAuthorities: string[] };
      };
      profile.bootstrapClusterConfig.certificateAuthorities = [];
      profile.K8Config.certificateAuthorities = [];
    });
  }

  async setRegistryUrl(url: string): Promise<void> {
    await this.changeVcdKeConfig((entity) => {
      (entity.entity.profiles[0] as Record<string, unknown>)['containerRegistryUrl'] = url;
    });
  }

  /** Any method on `/ext-api/<path>` as the logged-in persona, with his session only: the status and the body. */
  async extApi(path: string, method = 'GET'): Promise<{ status: number; text: string }> {
    const response = await this.request.fetch(this.url(`/ext-api${path}`), { method, headers: { Authorization: `Bearer ${this.token}` } });
    return { status: response.status(), text: await response.text() };
  }

  /** What the registry's front door received (sandbox test aid), oldest first. */
  async registryRequests(): Promise<{ method: string; path: string; headers: [string, string][] }[]> {
    const response = await this.request.get(this.url('/sandbox/registry/requests'));
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { values: { method: string; path: string; headers: [string, string][] }[] }).values;
  }

  async clearRegistryRequests(): Promise<void> {
    expect((await this.request.delete(this.url('/sandbox/registry/requests'))).ok()).toBeTruthy();
  }

  async stopRegistry(): Promise<void> {
    expect((await this.request.post(this.url('/sandbox/registry/stop'))).ok()).toBeTruthy();
  }

  async startRegistry(): Promise<void> {
    expect((await this.request.post(this.url('/sandbox/registry/start'))).ok()).toBeTruthy();
  }
}
