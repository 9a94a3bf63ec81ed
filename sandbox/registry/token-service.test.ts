import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, jwtVerify } from 'jose';
import { ensurePki, type SandboxPki } from './pki.js';
import { TokenIssuer, grantActions, parseScope, type Principal, type Project } from './token-service.js';

const PROJECTS: Project[] = [
  { name: 'cse', public: true },
  { name: 'private', public: false },
];
const ANONYMOUS: Principal = { kind: 'anonymous' };
const ADMIN: Principal = { kind: 'user', name: 'admin' };

describe('parseScope', () => {
  const cases: { scope: string; expected: ReturnType<typeof parseScope> }[] = [
    {
      scope: 'repository:cse/tkg/etcd:pull',
      expected: { type: 'repository', name: 'cse/tkg/etcd', actions: ['pull'] },
    },
    { scope: 'repository:cse/a:pull,push', expected: { type: 'repository', name: 'cse/a', actions: ['pull', 'push'] } },
    { scope: 'repository(plugin):cse/a:pull', expected: { type: 'repository', name: 'cse/a', actions: ['pull'] } },
    { scope: 'repository:host:5000/a:pull', expected: { type: 'repository', name: 'host:5000/a', actions: ['pull'] } },
    { scope: 'registry:catalog:*', expected: { type: 'registry', name: 'catalog', actions: ['*'] } },
    { scope: 'repository:cse/a:', expected: { type: 'repository', name: 'cse/a', actions: [] } },
    { scope: 'repository:cse/a', expected: undefined },
    { scope: 'repository::pull', expected: undefined },
    { scope: '', expected: undefined },
  ];
  for (const { scope, expected } of cases) {
    it(`parses "${scope}"`, () => assert.deepEqual(parseScope(scope), expected));
  }
});

describe('grantActions', () => {
  const cases: { scope: string; principal: Principal; expected: string[] }[] = [
    { scope: 'repository:cse/tkg/etcd:pull', principal: ANONYMOUS, expected: ['pull'] },
    { scope: 'repository:cse/tkg/etcd:pull,push', principal: ANONYMOUS, expected: ['pull'] },
    { scope: 'repository:private/a:pull', principal: ANONYMOUS, expected: [] },
    { scope: 'repository:unknown/a:pull', principal: ANONYMOUS, expected: [] },
    { scope: 'repository:cse/a:pull,push', principal: ADMIN, expected: ['pull', 'push'] },
    { scope: 'repository:private/a:pull,push,delete', principal: ADMIN, expected: ['pull', 'push'] },
    { scope: 'repository:unknown/a:pull,push', principal: ADMIN, expected: [] },
    { scope: 'registry:catalog:*', principal: ADMIN, expected: ['*'] },
    { scope: 'registry:catalog:*', principal: ANONYMOUS, expected: [] },
  ];
  for (const { scope, principal, expected } of cases) {
    it(`grants ${principal.kind} [${expected.join(',')}] for ${scope}`, () => {
      const parsed = parseScope(scope);
      assert.ok(parsed);
      assert.deepEqual(grantActions(parsed, principal, PROJECTS), expected);
    });
  }
});

describe('TokenIssuer', () => {
  let pki: SandboxPki;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cse-airgap-token-'));
    pki = await ensurePki(dir);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  const makeIssuer = (): TokenIssuer =>
    new TokenIssuer({
      issuer: 'harbor-token-issuer',
      privateKeyPem: pki.tokenKeyPem,
      certPem: pki.tokenCertPem,
      projects: PROJECTS,
      users: new Map([['admin', 's3:cret']]),
    });
  const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  describe('when authenticating', () => {
    it('treats a request without credentials as anonymous', () => {
      assert.deepEqual(makeIssuer().authenticate(undefined), { kind: 'ok', principal: ANONYMOUS });
    });
    it('accepts a sandbox user with the right password, colons included', () => {
      assert.deepEqual(makeIssuer().authenticate(basic('admin', 's3:cret')), { kind: 'ok', principal: ADMIN });
    });
    it('rejects a wrong password', () => {
      assert.equal(makeIssuer().authenticate(basic('admin', 'nope')).kind, 'rejected');
    });
    it('rejects an unknown user', () => {
      assert.equal(makeIssuer().authenticate(basic('root', 's3:cret')).kind, 'rejected');
    });
    it('rejects another scheme', () => {
      assert.equal(makeIssuer().authenticate('Bearer abc').kind, 'rejected');
    });
  });

  describe('when issuing', () => {
    it('puts every scope, space-separated ones too, into the access claim', async () => {
      const scopes = ['repository:cse/a:pull repository:cse/b:pull', 'repository:private/c:pull'];
      const { token } = await makeIssuer().issue(ANONYMOUS, 'harbor-registry', scopes);
      const claims = decodeJwt(token);
      assert.equal(claims.aud, 'harbor-registry');
      assert.equal(claims.iss, 'harbor-token-issuer');
      assert.equal(claims.sub, '');
      assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 1800);
      assert.deepEqual(claims['access'], [
        { type: 'repository', name: 'cse/a', actions: ['pull'] },
        { type: 'repository', name: 'cse/b', actions: ['pull'] },
        { type: 'repository', name: 'private/c', actions: [] },
      ]);
    });

    it('signs so that the token certificate verifies it', async () => {
      const { token } = await makeIssuer().issue(ADMIN, 'harbor-registry', ['repository:cse/a:pull']);
      const { payload } = await jwtVerify(token, new X509Certificate(pki.tokenCertPem).publicKey, {
        algorithms: ['RS256'],
      });
      assert.equal(payload.sub, 'admin');
    });
  });
});
