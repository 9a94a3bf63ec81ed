// What a test does against the sandbox registry, named the way a registry client thinks:
// get a token for some scopes, then ask whether a manifest is there.
import type { Agent } from 'node:https';
import { MANIFEST_ACCEPT } from '../image-builder.js';
import { httpsRequest, type HttpsResponse } from '../https-client.js';
import { REGISTRY_SERVICE } from '../registry.js';
import type { TokenResponse } from '../token-service.js';

export interface BasicCredentials {
  user: string;
  password: string;
}

export class RegistryTestClient {
  constructor(
    private readonly url: string,
    private readonly agent: Agent,
  ) {}

  requestToken(scopes: readonly string[], credentials?: BasicCredentials): Promise<HttpsResponse> {
    const query = new URLSearchParams({ service: REGISTRY_SERVICE });
    for (const scope of scopes) query.append('scope', scope);
    const headers: Record<string, string> = {};
    if (credentials !== undefined) {
      headers['Authorization'] = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    }
    return this.get(`/service/token?${query.toString()}`, headers);
  }

  async tokenFor(scopes: readonly string[], credentials?: BasicCredentials): Promise<string> {
    const res = await this.requestToken(scopes, credentials);
    if (res.status !== 200) throw new Error(`token request answered ${res.status}: ${res.body.toString('utf8')}`);
    return (JSON.parse(res.body.toString('utf8')) as TokenResponse).token;
  }

  headManifest(repository: string, tag: string, token?: string): Promise<HttpsResponse> {
    return this.send('HEAD', `/v2/${repository}/manifests/${tag}`, {
      Accept: MANIFEST_ACCEPT,
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<HttpsResponse> {
    return this.send('GET', path, headers);
  }

  send(method: string, path: string, headers: Record<string, string> = {}): Promise<HttpsResponse> {
    return httpsRequest(new URL(path, this.url), { method, headers, agent: this.agent });
  }
}
