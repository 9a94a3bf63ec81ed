import { fakeAsync, flushMicrotasks, tick } from '@angular/core/testing';
import {
  AnonymousTokens,
  IssuedToken,
  MAX_REPOSITORIES_PER_TOKEN,
  MAX_TOKEN_URL_LENGTH,
  parseBearerChallenge,
  planTokenBatch,
  readIssuedToken,
  tokenEndpoint,
  tokenRequestUrl,
} from './bearer-tokens';

describe('bearer tokens', () => {
  describe('parseBearerChallenge', () => {
    const cases: ReadonlyArray<[string | null, ReturnType<typeof parseBearerChallenge>]> = [
      [
        'Bearer realm="https://harbor/service/token",service="harbor-registry",scope="repository:cse/tkg/etcd:pull"',
        { realm: 'https://harbor/service/token', service: 'harbor-registry' },
      ],
      [
        'Bearer realm="https://r/token",service="registry.docker.io",error="insufficient_scope"',
        { realm: 'https://r/token', service: 'registry.docker.io', error: 'insufficient_scope' },
      ],
      ['bearer realm=https://r/token', { realm: 'https://r/token' }],
      ['Basic realm="basic", Bearer realm="https://r/token"', { realm: 'https://r/token' }],
      ['Bearer realm="https://r/token", Basic realm="basic"', { realm: 'https://r/token' }],
      ['Bearer realm="https://r/token', undefined],
      ['Basic realm="registry"', undefined],
      ['Bearer service="x"', undefined],
      [null, undefined],
    ];
    for (const [header, expected] of cases) {
      it(`reads ${header}`, () => expect(parseBearerChallenge(header)).toEqual(expected));
    }
  });

  describe('tokenEndpoint', () => {
    const cases: ReadonlyArray<[string, string, string, string]> = [
      ['https://127.0.0.1:5000/service/token', 'https://127.0.0.1:5000', 'https://127.0.0.1:5000/service/token', 'same origin: as is'],
      ['/service/token', 'https://proxy.corp', 'https://proxy.corp/service/token', 'relative: on the base'],
      [
        'https://harbor.corp/service/token',
        'https://proxy.corp/harbor',
        'https://proxy.corp/harbor/service/token',
        'another origin: under the base',
      ],
    ];
    for (const [realm, base, expected, why] of cases) {
      it(`${why}: ${realm} from ${base}`, () => expect(tokenEndpoint(realm, base)).toBe(expected));
    }
  });

  describe('planTokenBatch', () => {
    const endpoint = 'https://harbor.corp/service/token';

    it('puts the asking repository first and stops at 50', () => {
      const candidates = Array.from({ length: 80 }, (_, index) => `cse/r${index}`);
      const batch = planTokenBatch(endpoint, 'harbor-registry', 'cse/first', candidates);
      expect(batch.length).toBe(MAX_REPOSITORIES_PER_TOKEN);
      expect(batch[0]).toBe('cse/first');
      expect(batch[1]).toBe('cse/r0');
    });

    it('keeps the URL under the bound for long repository names', () => {
      const candidates = Array.from({ length: 50 }, (_, index) => `cse/${'very-long-path-segment/'.repeat(8)}r${index}`);
      const batch = planTokenBatch(endpoint, 'harbor-registry', candidates[0] ?? '', candidates);
      const url = tokenRequestUrl(endpoint, 'harbor-registry', batch);
      expect(batch.length).toBeLessThan(50);
      expect(url.length).toBeLessThan(MAX_TOKEN_URL_LENGTH);
      expect(tokenRequestUrl(endpoint, 'harbor-registry', candidates.slice(0, batch.length + 1)).length).toBeGreaterThanOrEqual(
        MAX_TOKEN_URL_LENGTH,
      );
    });

    it('writes one scope parameter per repository, : and / left readable', () => {
      expect(tokenRequestUrl(`${endpoint}?x=1`, 'harbor registry', ['cse/a', 'cse/b'])).toBe(
        `${endpoint}?x=1&service=harbor%20registry&scope=repository:cse/a:pull&scope=repository:cse/b:pull`,
      );
    });
  });

  describe('readIssuedToken', () => {
    it('takes `token`, else `access_token`, and 60 s when expires_in is missing', () => {
      expect(readIssuedToken({ token: 't', expires_in: 1800 })).toEqual({ token: 't', expiresInSeconds: 1800 });
      expect(readIssuedToken({ access_token: 'a' })).toEqual({ token: 'a', expiresInSeconds: 60 });
      expect(readIssuedToken({ token: '' })).toBeUndefined();
      expect(readIssuedToken('nope')).toBeUndefined();
    });
  });

  describe('AnonymousTokens', () => {
    let requested: string[][];
    let upcoming: string[];
    let tokens: AnonymousTokens;
    let expiresIn: number;

    beforeEach(() => {
      requested = [];
      upcoming = Array.from({ length: 120 }, (_, index) => `cse/r${index}`);
      expiresIn = 1800;
      const fetchToken = (url: string): Promise<IssuedToken> => {
        const scopes = new URL(url).searchParams.getAll('scope').map((scope) => scope.split(':')[1] ?? '');
        requested.push(scopes);
        return Promise.resolve({ token: `t${requested.length}`, expiresInSeconds: expiresIn });
      };
      tokens = new AnonymousTokens('https://harbor.corp', fetchToken, () => upcoming);
      tokens.learn({ realm: 'https://harbor.corp/service/token', service: 'harbor-registry' });
    });

    it('asks for the next batch ahead, when the newest one is first used', fakeAsync(() => {
      let token: string | undefined;
      void tokens.tokenFor('cse/r0').then((value) => (token = value));
      flushMicrotasks();
      expect(token).toBe('t1');
      expect(requested.map((batch) => [batch[0], batch.length])).toEqual([
        ['cse/r0', 50],
        ['cse/r50', 50],
      ]);
      void tokens.tokenFor('cse/r49');
      expect(requested.length).toBe(2);
      void tokens.tokenFor('cse/r50');
      flushMicrotasks();
      expect(requested.map((batch) => [batch[0], batch.length])).toEqual([
        ['cse/r0', 50],
        ['cse/r50', 50],
        ['cse/r100', 20],
      ]);
    }));

    it('leaves out repositories that are already done', fakeAsync(() => {
      upcoming = ['cse/a', 'cse/b'];
      void tokens.tokenFor('cse/late');
      flushMicrotasks();
      expect(requested).toEqual([['cse/late', 'cse/a', 'cse/b']]);
    }));

    it('asks again once a token is near its expiry', fakeAsync(() => {
      upcoming = ['cse/a'];
      expiresIn = 60;
      void tokens.tokenFor('cse/a');
      flushMicrotasks();
      tick(49_000);
      void tokens.tokenFor('cse/a');
      expect(requested.length).toBe(1);
      tick(1_000);
      void tokens.tokenFor('cse/a');
      flushMicrotasks();
      expect(requested.length).toBe(2);
    }));

    it('asks again for a token the registry called invalid', fakeAsync(() => {
      upcoming = ['cse/a'];
      void tokens.tokenFor('cse/a');
      flushMicrotasks();
      tokens.discard('t1');
      let token: string | undefined;
      void tokens.tokenFor('cse/a').then((value) => (token = value));
      flushMicrotasks();
      expect(token).toBe('t2');
    }));
  });
});
