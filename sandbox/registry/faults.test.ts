// The fault switch's rules, without a registry: validation, which paths it touches, the fractions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidFaults, RegistryFaults, isFaultablePath, parseFaultSettings } from './faults.js';

describe('registry fault settings', () => {
  it('defaults everything but what is given, status 503', () => {
    assert.deepEqual(parseFaultSettings({ errorRate: 0.5 }), {
      latencyMs: 0,
      errorRate: 0.5,
      status: 503,
      resetRate: 0,
      pathPattern: null,
    });
    assert.deepEqual(parseFaultSettings({ latencyMs: 25, status: 502, resetRate: 0.1, pathPattern: '/manifests/' }), {
      latencyMs: 25,
      errorRate: 0,
      status: 502,
      resetRate: 0.1,
      pathPattern: '/manifests/',
    });
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
    assert.deepEqual(faults.injected, { delayed: 6, errors: 2, resets: 2 });
  });

  it('limits itself to the paths pathPattern matches', () => {
    const faults = new RegistryFaults(() => 0);
    faults.set(parseFaultSettings({ errorRate: 1, pathPattern: '/manifests/' }));
    assert.equal(faults.decide('/v2/cse/a/manifests/v1').kind, 'error');
    assert.equal(faults.decide('/v2/cse/a/tags/list').kind, 'pass');
    assert.deepEqual(faults.current, { latencyMs: 0, errorRate: 1, status: 503, resetRate: 0, pathPattern: '/manifests/' });
  });
});
