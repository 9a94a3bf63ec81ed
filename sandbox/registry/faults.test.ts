// The fault switch's rules, without a registry: validation, which paths it touches, the fractions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GETCERT_PATH,
  InvalidFaults,
  RegistryFaults,
  endlessListingPage,
  hugeHeaderValue,
  isFaultablePath,
  parseFaultSettings,
  pemMarkersBody,
} from './faults.js';

const MiB = 1_048_576;
const NONE = { hugeHeader: null, endlessListings: null, pemBody: null };

describe('registry fault settings', () => {
  it('defaults everything but what is given, status 503', () => {
    assert.deepEqual(parseFaultSettings({ errorRate: 0.5 }), {
      latencyMs: 0,
      errorRate: 0.5,
      status: 503,
      resetRate: 0,
      pathPattern: null,
      ...NONE,
    });
    assert.deepEqual(parseFaultSettings({ latencyMs: 25, status: 502, resetRate: 0.1, pathPattern: '/manifests/' }), {
      latencyMs: 25,
      errorRate: 0,
      status: 502,
      resetRate: 0.1,
      pathPattern: '/manifests/',
      ...NONE,
    });
  });

  it('defaults the hostile answers to 1 MiB and a count of 10^12', () => {
    const settings = parseFaultSettings({ hugeHeader: { name: 'WWW-Authenticate' }, endlessListings: {}, pemBody: {} });
    assert.deepEqual(
      [settings.hugeHeader, settings.endlessListings, settings.pemBody],
      [{ name: 'WWW-Authenticate', bytes: MiB }, { totalCount: '1000000000000' }, { bytes: MiB }],
    );
    assert.deepEqual(
      parseFaultSettings({ hugeHeader: { name: 'Link', bytes: 100 }, endlessListings: { totalCount: '7' } }).endlessListings,
      {
        totalCount: '7',
      },
    );
  });

  it('refuses what it cannot honour, with the reason', () => {
    const refused: [unknown, RegExp][] = [
      [null, /JSON object/],
      [[], /JSON object/],
      [{ latencyMs: -1 }, /latencyMs/],
      [{ latencyMs: 60_001 }, /latencyMs/],
      [{ errorRate: 1.5 }, /errorRate/],
      [{ errorRate: '0.5' }, /errorRate/],
      [{ status: 404 }, /status/],
      [{ status: 503.5 }, /status/],
      [{ resetRate: Number.NaN }, /resetRate/],
      [{ errorRate: 0.7, resetRate: 0.7 }, /exceed 1/],
      [{ pathPattern: '(' }, /regular expression/],
      [{ pathPattern: 'x'.repeat(501) }, /at most 500/],
      [{ latency: 10 }, /unknown field\(s\): latency/],
      [{ hugeHeader: 'Link' }, /hugeHeader must be an object/],
      [{ hugeHeader: { name: 'Bad Name' } }, /hugeHeader.name/],
      [{ hugeHeader: { name: 'Link', bytes: 0 } }, /hugeHeader.bytes/],
      [{ hugeHeader: { name: 'Link', bytes: 16 * MiB + 1 } }, /hugeHeader.bytes/],
      [{ hugeHeader: { name: 'Link', size: 1 } }, /hugeHeader: unknown field\(s\): size/],
      [{ endlessListings: { totalCount: 1e12 } }, /totalCount/],
      [{ endlessListings: { totalCount: '-1' } }, /totalCount/],
      [{ pemBody: { bytes: 1.5 } }, /pemBody.bytes/],
    ];
    for (const [input, message] of refused) {
      assert.throws(
        () => parseFaultSettings(input),
        (error: unknown) => error instanceof InvalidFaults && message.test(error.message),
        JSON.stringify(input),
      );
    }
  });

  it('touches the registry and the Harbor API only', () => {
    for (const path of ['/v2', '/v2/', '/v2/cse/x/manifests/1', '/api/v2.0/ping', '/api/v2.0']) assert.ok(isFaultablePath(path), path);
    for (const path of ['/service/token', '/v20', '/api/v2.1/ping', '/', '/sandbox/registry']) assert.ok(!isFaultablePath(path), path);
  });
});

describe('RegistryFaults', () => {
  it('passes everything until set, and again once cleared', () => {
    const faults = new RegistryFaults(() => 0);
    assert.deepEqual(faults.decide('/v2/'), { kind: 'pass', delayMs: 0 });
    faults.set(parseFaultSettings({ errorRate: 1, latencyMs: 5 }));
    assert.deepEqual(faults.decide('/v2/'), { kind: 'error', delayMs: 5, status: 503 });
    assert.deepEqual(faults.decide('/service/token'), { kind: 'pass', delayMs: 0 });
    faults.clear();
    assert.equal(faults.current, undefined);
    assert.deepEqual(faults.decide('/v2/'), { kind: 'pass', delayMs: 0 });
  });

  it('splits the draw: resets first, then errors, then the rest passes (delayed)', () => {
    let draw = 0;
    const faults = new RegistryFaults(() => draw);
    faults.set(parseFaultSettings({ resetRate: 0.2, errorRate: 0.3, status: 500, latencyMs: 7 }));
    const at = (value: number): string => {
      draw = value;
      return faults.decide('/api/v2.0/projects/cse').kind;
    };
    assert.deepEqual([at(0), at(0.19), at(0.2), at(0.49), at(0.5), at(0.99)], ['reset', 'reset', 'error', 'error', 'pass', 'pass']);
    assert.deepEqual(faults.injected, { delayed: 6, errors: 2, resets: 2, hugeHeaders: 0, listingPages: 0, pemBodies: 0 });
  });

  it('limits itself to the paths pathPattern matches', () => {
    const faults = new RegistryFaults(() => 0);
    faults.set(parseFaultSettings({ errorRate: 1, pathPattern: '/manifests/' }));
    assert.equal(faults.decide('/v2/cse/a/manifests/v1').kind, 'error');
    assert.equal(faults.decide('/v2/cse/a/tags/list').kind, 'pass');
    assert.deepEqual(faults.current, { latencyMs: 0, errorRate: 1, status: 503, resetRate: 0, pathPattern: '/manifests/', ...NONE });
  });

  it('puts the huge header on every answer it touches, errors included, and counts them', () => {
    let draw = 0.9;
    const faults = new RegistryFaults(() => draw);
    faults.set(parseFaultSettings({ hugeHeader: { name: 'WWW-Authenticate', bytes: 1000 }, errorRate: 0.5 }));
    const header = { name: 'WWW-Authenticate', value: hugeHeaderValue(1000) };
    assert.deepEqual(faults.decide('/v2/'), { kind: 'pass', delayMs: 0, header });
    draw = 0.1;
    assert.deepEqual(faults.decide('/v2/'), { kind: 'error', delayMs: 0, status: 503, header });
    assert.deepEqual(faults.decide('/service/token'), { kind: 'pass', delayMs: 0 });
    assert.equal(faults.injected.hugeHeaders, 2);
  });

  it('answers Harbor listings itself, endlessly, and leaves other paths and methods alone', () => {
    const faults = new RegistryFaults(() => 0.5);
    faults.set(parseFaultSettings({ endlessListings: {} }));
    const decision = faults.decide(
      '/api/v2.0/projects/cse/repositories/tkg%252Fetcd/artifacts',
      new URLSearchParams('page=7&page_size=100'),
    );
    assert.equal(decision.kind, 'answer');
    assert.equal(faults.decide('/api/v2.0/projects/cse/repositories/tkg%252Fetcd/artifacts/v1').kind, 'pass');
    assert.equal(faults.decide('/api/v2.0/projects/cse/repositories', new URLSearchParams(), 'HEAD').kind, 'pass');
    assert.equal(faults.decide('/api/v2.0/projects/cse').kind, 'pass');
    assert.deepEqual(faults.injected.listingPages, 1);
  });

  it('serves the PEM markers at the CA download only', () => {
    const faults = new RegistryFaults(() => 0.5);
    faults.set(parseFaultSettings({ pemBody: { bytes: 100 } }));
    const decision = faults.decide(GETCERT_PATH);
    assert.ok(decision.kind === 'answer');
    assert.equal(decision.answer.body, pemMarkersBody(100));
    assert.equal(decision.answer.headers['Content-Disposition'], 'attachment; filename=ca.crt');
    assert.equal(faults.decide('/api/v2.0/systeminfo').kind, 'pass');
    assert.equal(faults.injected.pemBodies, 1);
  });
});

describe('hostile answers', () => {
  it('builds a header of exactly the size asked, in the shape a=",a=",…', () => {
    assert.equal(hugeHeaderValue(MiB).length, MiB);
    assert.equal(hugeHeaderValue(10), 'a=",a=",a=');
  });

  it('builds PEM markers that never end, of exactly the size asked', () => {
    const body = pemMarkersBody(MiB);
    assert.equal(body.length, MiB);
    assert.ok(body.startsWith('-----BEGIN CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n'));
    assert.ok(!body.includes('-----END'));
  });

  it('pages a listing forever: full pages, the next page linked, the claimed count', () => {
    const page = endlessListingPage('/api/v2.0/projects/cse/repositories', new URLSearchParams('page=3&page_size=100'), '1000000000000');
    assert.ok(page);
    assert.deepEqual(page.headers['X-Total-Count'], '1000000000000');
    assert.equal(page.headers['Link'], '</api/v2.0/projects/cse/repositories?page=4&page_size=100>; rel="next"');
    const items = JSON.parse(page.body) as { name: string }[];
    assert.equal(items.length, 100);
    assert.equal(items[0]?.name, 'cse/endless/item-200');

    const artifacts = endlessListingPage('/api/v2.0/projects/cse/repositories/x/artifacts', new URLSearchParams(), '5');
    const [first] = JSON.parse(artifacts?.body ?? '[]') as { digest: string; tags: { name: string }[] }[];
    assert.equal(first?.tags[0]?.name, 'endless-0');
    assert.match(first?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(endlessListingPage('/api/v2.0/projects/cse', new URLSearchParams(), '5'), undefined);
  });
});
