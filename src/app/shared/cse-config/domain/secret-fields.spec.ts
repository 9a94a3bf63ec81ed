import { diffJson } from './safe-write';
import { isSecretFieldName, isSecretPath, redactUrlCredentials, showChange } from './secret-fields';
import { JsonObject } from './vcdke-config';

describe('isSecretFieldName', () => {
  const cases: { name: string; secret: boolean }[] = [
    { name: 'githubPersonalAccessToken', secret: true },
    { name: 'token', secret: true },
    { name: 'refresh_token', secret: true },
    { name: 'Password', secret: true },
    { name: 'adminPasswd', secret: true },
    { name: 'clientSecret', secret: true },
    { name: 'apiKey', secret: true },
    { name: 'API_KEY', secret: true },
    { name: 'privateKey', secret: true },
    { name: 'private-key', secret: true },
    { name: 'credentials', secret: true },
    { name: 'Authorization', secret: true },
    { name: 'containerRegistryUrl', secret: false },
    { name: 'certificateAuthorities', secret: false },
    { name: 'httpProxy', secret: false },
    { name: 'maxUnhealthyNodes', secret: false },
    { name: 'publicKey', secret: false },
  ];
  for (const { name, secret } of cases) {
    it(`${secret ? 'hides' : 'shows'} ${name}`, () => expect(isSecretFieldName(name)).toBe(secret));
  }
});

describe('isSecretPath', () => {
  const cases: { path: string; secret: boolean }[] = [
    { path: 'profiles[0].githubConfig.githubPersonalAccessToken', secret: true },
    { path: 'profiles[0].credentials[2].user', secret: true },
    { path: 'secrets[0]', secret: true },
    { path: 'profiles[0].K8Config.certificateAuthorities[1]', secret: false },
    { path: 'profiles[0].bootstrapClusterConfig.proxyConfig.httpProxy', secret: false },
  ];
  for (const { path, secret } of cases) {
    it(`${secret ? 'hides' : 'shows'} ${path}`, () => expect(isSecretPath(path)).toBe(secret));
  }
});

describe('redactUrlCredentials', () => {
  const cases: { name: string; text: string; shown: string }[] = [
    { name: 'user and password of a proxy', text: 'http://user:pass@proxy:3128', shown: 'http://***@proxy:3128' },
    { name: 'a user alone', text: 'https://alice@proxy.corp:8443/x', shown: 'https://***@proxy.corp:8443/x' },
    { name: 'an @ inside the password', text: 'http://u:p@ss@proxy', shown: 'http://***@proxy' },
    { name: 'a / inside the password', text: 'http://u:pa/ss@proxy', shown: 'http://***@proxy' },
    { name: 'two URLs in one value', text: 'http://a:b@one,http://c:d@two', shown: 'http://***@one,http://***@two' },
    { name: 'a bare user:password@host', text: 'user:pass@proxy:3128', shown: '***@proxy:3128' },
    { name: 'a URL without credentials', text: 'http://proxy.corp.local:3128', shown: 'http://proxy.corp.local:3128' },
    { name: 'a plain host list', text: 'localhost,127.0.0.1,.corp.local', shown: 'localhost,127.0.0.1,.corp.local' },
    { name: 'an e-mail address', text: 'ops@corp.local', shown: 'ops@corp.local' },
  ];
  for (const { name, text, shown } of cases) {
    it(`redacts ${name}`, () => expect(redactUrlCredentials(text)).toBe(shown));
  }

  it('redacts 1 MiB of scheme markers and @ signs in one pass', () => {
    const hostile = 'a://@'.repeat(200_000);
    expect(redactUrlCredentials(hostile)).toBe('a://***@'.repeat(200_000));
  });
});

describe('showChange', () => {
  const token = 'ghp_EXAMPLEexampleEXAMPLEexample0123';

  it('says only that the GitHub token changed', () => {
    const [change] = diffJson(
      { profiles: [{ githubConfig: { githubPersonalAccessToken: 'ghp_old' } }] },
      { profiles: [{ githubConfig: { githubPersonalAccessToken: token } }] },
    );
    expect(showChange(change!)).toEqual({
      path: 'profiles[0].githubConfig.githubPersonalAccessToken',
      before: { kind: 'hidden' },
      after: { kind: 'hidden' },
      isHidden: true,
    });
  });

  it('keeps an absent side absent, so an added secret reads as added', () => {
    const shown = showChange({ path: 'profiles[0].githubConfig.githubPersonalAccessToken', after: token });
    expect(shown.before).toEqual({ kind: 'absent' });
    expect(shown.after).toEqual({ kind: 'hidden' });
  });

  it('shows a proxy URL without its credentials', () => {
    const shown = showChange({
      path: 'profiles[0].bootstrapClusterConfig.proxyConfig.httpProxy',
      before: '',
      after: 'http://user:s3cr3t@proxy:3128',
    });
    expect(shown.after).toEqual({ kind: 'shown', text: 'http://***@proxy:3128' });
    expect(shown.isHidden).toBeFalse();
  });

  it('redacts a secret inside an object added as a whole', () => {
    const before: JsonObject = { profiles: [{}] };
    const after: JsonObject = {
      profiles: [{ githubConfig: { githubPersonalAccessToken: token }, proxyConfig: { httpsProxy: 'https://u:p@proxy' } }],
    };
    const shown = diffJson(before, after).map(showChange);
    const texts = JSON.stringify(shown);
    expect(texts).not.toContain(token);
    expect(texts).not.toContain('u:p');
    expect(texts).toContain('githubPersonalAccessToken');
  });

  it('cuts a long value only after redacting it, so no start of a password shows', () => {
    const url = `http://user:${'p'.repeat(200)}@proxy:3128`;
    const shown = showChange({ path: 'proxy', after: url });
    expect(shown.after).toEqual({ kind: 'shown', text: 'http://***@proxy:3128' });
  });

  it('cuts a long harmless value to 120 characters', () => {
    const shown = showChange({ path: 'profiles[0].K8Config.certificateAuthorities[0]', after: 'x'.repeat(500) });
    expect(shown.after.kind === 'shown' && shown.after.text.length).toBe(118);
  });

  it('shows a harmless change as it is', () => {
    const shown = showChange({ path: 'profiles[0].K8Config.mhc.maxUnhealthyNodes', before: 100, after: 42 });
    expect(shown).toEqual({
      path: 'profiles[0].K8Config.mhc.maxUnhealthyNodes',
      before: { kind: 'shown', text: '100' },
      after: { kind: 'shown', text: '42' },
      isHidden: false,
    });
  });
});
