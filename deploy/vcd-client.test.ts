import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { HttpTransportError, type HttpRequest, type HttpResponse, type HttpSend } from './http.js';
import { compareVersions, pluginZipFrom } from './plugin-zip.js';
import { announceUpload, logInWithApiToken, logInWithPassword, negotiateApiVersion, uploadBundle, waitUntilReady } from './steps.js';
import { fakePluginZip } from './testing/fake-plugin.js';
import { StepError, VcdClient, vcdErrorOf } from './vcd-client.js';

const answer = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

/** A transport that records requests and answers from a script. */
function scripted(...answers: (HttpResponse | Error)[]): { send: HttpSend; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    send: (request) => {
      requests.push(request);
      const next = answers.shift() ?? answer(599, 'no more answers scripted');
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}

const client = (send: HttpSend, version: string | null = '39.0'): VcdClient => {
  const vcd = new VcdClient(new URL('https://vcd.example.com'), send);
  vcd.apiVersion = version;
  return vcd;
};

describe('vcdErrorOf', () => {
  const cases: [string, HttpResponse, { code: string | null; message: string }][] = [
    [
      'cloudapi body',
      answer(400, { minorErrorCode: 'BAD_REQUEST', message: '[ id ] bad', stackTrace: null }),
      { code: 'BAD_REQUEST', message: '[ id ] bad' },
    ],
    ['OAuth body', answer(400, { error: 'invalid_grant', error_description: 'revoked' }), { code: 'invalid_grant', message: 'revoked' }],
    [
      'legacy XML',
      answer(403, '<Error minorErrorCode="ACCESS_TO_RESOURCE_IS_FORBIDDEN" message="no" />'),
      { code: 'ACCESS_TO_RESOURCE_IS_FORBIDDEN', message: 'no' },
    ],
    ['plain text', answer(502, 'Bad gateway from the load balancer'), { code: null, message: 'Bad gateway from the load balancer' }],
    ['empty body', answer(503), { code: null, message: 'Service Unavailable' }],
  ];
  for (const [name, response, expected] of cases) {
    it(`reads ${name}`, () => assert.deepEqual(vcdErrorOf(response), expected));
  }
});

describe('VcdClient.call', () => {
  it('sends the bearer token and the negotiated version, and names the step on failure', async () => {
    const { send, requests } = scripted(answer(500, { minorErrorCode: 'INTERNAL_SERVER_ERROR', message: '[ x ] boom' }));
    const vcd = client(send);
    vcd.setAccessToken('jwt');
    await assert.rejects(vcd.call('register', 'POST', '/cloudapi/extensions/ui', { json: {} }), {
      message: 'register: HTTP 500 INTERNAL_SERVER_ERROR — [ x ] boom',
    });
    assert.equal(requests[0]?.headers?.['Accept'], 'application/json;version=39.0');
    assert.equal(requests[0]?.headers?.['Authorization'], 'Bearer jwt');
    assert.equal(requests[0]?.headers?.['Content-Type'], 'application/json');
  });

  it('turns a transport failure into the step with no HTTP status', async () => {
    const { send } = scripted(new HttpTransportError('connect ECONNREFUSED'));
    const error = await client(send)
      .call('log in as a@System', 'POST', '/cloudapi/1.0.0/sessions/provider')
      .catch((e: unknown) => e);
    assert.ok(error instanceof StepError);
    assert.equal(error.status, 0);
    assert.equal(
      error.message,
      'log in as a@System: no answer to POST https://vcd.example.com/cloudapi/1.0.0/sessions/provider: connect ECONNREFUSED',
    );
  });
});

describe('steps', () => {
  it('negotiates the highest version between 36.1 and 39.0', async () => {
    const versions = { versionInfo: ['35.0', '36.0', '37.2', '38.1', '39.0', '40.0'].map((version) => ({ version })) };
    const { send, requests } = scripted(answer(200, versions));
    const vcd = client(send, null);
    assert.equal(await negotiateApiVersion(vcd), '39.0');
    assert.equal(requests[0]?.headers?.['Accept'], 'application/json');
  });

  it('refuses a VCD that speaks no usable version', async () => {
    const { send } = scripted(answer(200, { versionInfo: [{ version: '33.0' }] }));
    await assert.rejects(negotiateApiVersion(client(send, null)), { message: /negotiate the API version: this VCD offers API 33\.0/ });
  });

  it('exchanges an API token at /oauth/provider/token, form-encoded', async () => {
    const { send, requests } = scripted(answer(200, { access_token: 'jwt', token_type: 'API Token', expires_in: 10 }));
    await logInWithApiToken(client(send), 'secret-token');
    assert.equal(requests[0]?.url, 'https://vcd.example.com/oauth/provider/token');
    assert.equal(requests[0]?.headers?.['Content-Type'], 'application/x-www-form-urlencoded');
    assert.equal(requests[0]?.body, 'grant_type=refresh_token&refresh_token=secret-token');
  });

  it('logs in with Basic at sessions/provider and needs the access token header', async () => {
    const { send, requests } = scripted(answer(200, {}, {}));
    await assert.rejects(logInWithPassword(client(send), 'administrator@System', 'pw'), { message: /no X-VMWARE-VCLOUD-ACCESS-TOKEN/ });
    assert.equal(requests[0]?.headers?.['Authorization'], `Basic ${Buffer.from('administrator@System:pw').toString('base64')}`);
  });

  it('announces the exact size and reads the upload:default link', async () => {
    const link = '<https://vcd.example.com/transfer/abc/plugin.zip>;rel="upload:default";type="application/octet-stream"';
    const { send, requests } = scripted(answer(204, '', { link }));
    assert.equal(
      await announceUpload(client(send), 'urn:vcloud:uiPlugin:1', 'plugin.zip', 1234),
      'https://vcd.example.com/transfer/abc/plugin.zip',
    );
    assert.deepEqual(JSON.parse(String(requests[0]?.body)), { fileName: 'plugin.zip', size: 1234 });
  });

  const foreignLinks: [string, string, RegExp][] = [
    [
      'another host',
      'https://transfer.attacker.example/transfer/abc/plugin.zip',
      /address on https:\/\/transfer\.attacker\.example, not on https:\/\/vcd\.example\.com/,
    ],
    [
      'plain http on the same host',
      'http://vcd.example.com/transfer/abc/plugin.zip',
      /address on http:\/\/vcd\.example\.com, not on https/,
    ],
    ['another port', 'https://vcd.example.com:8443/transfer/abc/plugin.zip', /address on https:\/\/vcd\.example\.com:8443/],
    ['credentials in the URL', 'https://user:pw@vcd.example.com/transfer/abc/plugin.zip', /refused, nothing was sent/],
    ['the host as a user name', 'https://vcd.example.com@attacker.example/transfer/abc', /address on https:\/\/attacker\.example/],
    ['another scheme', 'file:///etc/passwd', /address on a file: URL/],
  ];
  for (const [name, target, message] of foreignLinks) {
    it(`refuses an upload link to ${name}, before anything is sent there`, async () => {
      const { send, requests } = scripted(answer(204, '', { link: `<${target}>;rel="upload:default"` }), answer(200));
      const vcd = client(send);
      vcd.setAccessToken('jwt-never-elsewhere');
      await assert.rejects(announceUpload(vcd, 'id', 'plugin.zip', 1), (error: unknown) => {
        assert.ok(error instanceof StepError);
        assert.equal(error.step, 'announce the upload');
        assert.match(error.message, message);
        return true;
      });
      await assert.rejects(uploadBundle(vcd, target, new Uint8Array([1])), { message: /upload the bundle: .*refused/ });
      assert.deepEqual(
        requests.map((request) => request.url),
        ['https://vcd.example.com/cloudapi/extensions/ui/id/plugin'],
      );
    });
  }

  it('takes a relative upload link as one on the VCD', async () => {
    const { send } = scripted(answer(204, '', { link: '</transfer/abc/plugin.zip>;rel="upload:default"' }));
    assert.equal(await announceUpload(client(send), 'id', 'plugin.zip', 1), 'https://vcd.example.com/transfer/abc/plugin.zip');
  });

  it('never sends a password or a token to another origin, whatever the call', async () => {
    const { send, requests } = scripted(answer(200), answer(200));
    const vcd = client(send);
    await assert.rejects(logInWithPassword(vcd, 'administrator@System', 'pw'), { message: /no X-VMWARE-VCLOUD-ACCESS-TOKEN/ });
    vcd.setAccessToken('jwt');
    await assert.rejects(vcd.call('read', 'GET', 'https://evil.example/cloudapi/1.0.0/orgs'), {
      message: /read: VCD gave an address on https:\/\/evil\.example/,
    });
    assert.deepEqual(
      requests.map((request) => new URL(request.url).origin),
      ['https://vcd.example.com'],
    );
  });

  it('fails "announce the upload" when VCD sends no upload link', async () => {
    const { send } = scripted(answer(204));
    await assert.rejects(announceUpload(client(send), 'id', 'plugin.zip', 1), {
      message: /announce the upload: VCD answered no upload:default link/,
    });
  });

  it('PUTs the bytes as application/zip, without the API version', async () => {
    const { send, requests } = scripted(answer(200));
    await uploadBundle(client(send), 'https://vcd.example.com/transfer/abc/plugin.zip', new Uint8Array([1, 2, 3]));
    assert.equal(requests[0]?.method, 'PUT');
    assert.equal(requests[0]?.headers?.['Content-Type'], 'application/zip');
    assert.equal(requests[0]?.headers?.['Accept'], 'application/json');
  });

  const timing = { timeoutMs: 1_000, intervalMs: 1, unavailableGraceMs: 20 };
  it('waits through other statuses until ready', async () => {
    const { send } = scripted(
      answer(200, { plugin_status: 'uploading' }),
      answer(200, { plugin_status: 'unavailable' }),
      answer(200, { plugin_status: 'ready' }),
    );
    assert.equal((await waitUntilReady(client(send), 'id', timing)).plugin_status, 'ready');
  });

  it('gives up when the plug-in stays unavailable', async () => {
    const { send } = scripted(...Array.from({ length: 200 }, () => answer(200, { plugin_status: 'unavailable' })));
    await assert.rejects(waitUntilReady(client(send), 'id', { ...timing, intervalMs: 5 }), {
      message: /wait until ready: VCD marked the uploaded plug-in "unavailable"/,
    });
  });
});

describe('plug-in zip', () => {
  it('maps the manifest to UiPluginMetadata', () => {
    const zip = pluginZipFrom('p.zip', fakePluginZip({ scope: ['tenant'] }));
    assert.equal(zip.urn, 'urn:vcloud:plugin:testvendor:test-plugin');
    assert.deepEqual(
      {
        name: zip.metadata.pluginName,
        tenant: zip.metadata.tenant_scoped,
        provider: zip.metadata.provider_scoped,
        enabled: zip.metadata.enabled,
      },
      { name: 'Test Plugin', tenant: true, provider: false, enabled: true },
    );
  });

  it('refuses a manifest larger than 1 MiB before inflating it', () => {
    const bomb = zipSync({ 'manifest.json': new Uint8Array(2 * 1024 * 1024).fill(0x20) });
    assert.throws(() => pluginZipFrom('bomb.zip', bomb), /bomb\.zip: manifest\.json is larger than 1 MiB/);
  });

  it('refuses a file that is no zip, or has no manifest', () => {
    assert.throws(() => pluginZipFrom('x.zip', new Uint8Array([1, 2, 3])), /x\.zip is not a zip file/);
  });

  const order: [string, string, number][] = [
    ['1.0.0', '1.0.0', 0],
    ['1.0.1', '1.0.0', 1],
    ['1.2.0', '1.10.0', -1],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['2.0.0-rc.10', '2.0.0-rc.9', 1],
    ['1.0.0+build.5', '1.0.0', 0],
  ];
  for (const [a, b, expected] of order) {
    it(`compares ${a} with ${b}`, () => assert.equal(compareVersions(a, b), expected));
  }
});
