import { Answer, judgeHarbor, judgeProject, judgeRegistryApi, overallVerdict } from './registry-check';

function answer(status: number, body = '', extra: Partial<Answer> = {}): Answer {
  return { status, body, fromVcd: false, isHtml: false, distributionApiVersion: null, ...extra };
}

describe('judgeRegistryApi', () => {
  const cases: { name: string; answer: Answer; verdict: string; key: string }[] = [
    {
      name: 'passes a 401 with the distribution header',
      answer: answer(401, '', { distributionApiVersion: 'registry/2.0' }),
      verdict: 'passed',
      key: 'registryApi.passed',
    },
    {
      name: 'passes a 200 with the distribution header',
      answer: answer(200, '{}', { distributionApiVersion: 'registry/2.0' }),
      verdict: 'passed',
      key: 'registryApi.passed',
    },
    { name: 'fails a 200 without it (not a registry)', answer: answer(200, 'hello'), verdict: 'failed', key: 'registryApi.notARegistry' },
    {
      name: 'fails an HTML error page from a proxy',
      answer: answer(502, '<html>', { isHtml: true }),
      verdict: 'failed',
      key: 'http.htmlPage',
    },
    { name: 'fails a 5xx from the registry', answer: answer(503, '{}'), verdict: 'failed', key: 'http.serverError' },
    {
      name: 'explains a VCD 404: no API filter for this prefix',
      answer: answer(404, '{}', { fromVcd: true }),
      verdict: 'failed',
      key: 'http.noApiFilter',
    },
    { name: 'explains a VCD 401 on /ext-api', answer: answer(401, '{}', { fromVcd: true }), verdict: 'failed', key: 'http.vcdRefused' },
    {
      name: 'explains a VCD 502 (the proxy could not reach the registry)',
      answer: answer(502, '{}', { fromVcd: true }),
      verdict: 'failed',
      key: 'http.vcdProxyFailed',
    },
  ];
  for (const { name, answer: given, verdict, key } of cases) {
    it(name, () => {
      const judged = judgeRegistryApi(given);
      expect(judged.verdict).toBe(verdict as never);
      expect(judged.message?.key).toBe(`registry.check.${key}`);
    });
  }
});

describe('judgeHarbor', () => {
  it('passes Harbor and shows its version', () => {
    expect(judgeHarbor(answer(200, 'Pong'), 'v2.10.2')).toEqual({
      verdict: 'passed',
      message: { key: 'registry.check.harbor.passed', params: { version: 'v2.10.2' } },
    });
  });
  it('warns for a bare registry without Harbor’s API', () => {
    expect(judgeHarbor(answer(404, '404 page not found'), undefined).verdict).toBe('warning');
  });
});

describe('judgeProject', () => {
  const cases: { name: string; answer: Answer; verdict: string; key: string }[] = [
    {
      name: 'passes a public project',
      answer: answer(200, '{"name":"cse","metadata":{"public":"true"}}'),
      verdict: 'passed',
      key: 'project.passed',
    },
    {
      name: 'fails a private project',
      answer: answer(200, '{"name":"cse","metadata":{"public":"false"}}'),
      verdict: 'failed',
      key: 'project.private',
    },
    { name: 'fails a project anonymous users cannot see (401)', answer: answer(401, '{}'), verdict: 'failed', key: 'project.private' },
    { name: 'fails a project anonymous users cannot see (403)', answer: answer(403, '{}'), verdict: 'failed', key: 'project.private' },
    { name: 'fails a missing project', answer: answer(404, '{}'), verdict: 'failed', key: 'project.missing' },
    { name: 'fails an unreadable answer', answer: answer(200, 'not json'), verdict: 'failed', key: 'project.unexpected' },
    { name: 'fails an unexpected status', answer: answer(409, '{}'), verdict: 'failed', key: 'project.unexpected' },
  ];
  for (const { name, answer: given, verdict, key } of cases) {
    it(name, () => {
      const judged = judgeProject(given, 'cse');
      expect(judged.verdict).toBe(verdict as never);
      expect(judged.message?.key).toBe(`registry.check.${key}`);
      expect(judged.message?.params?.['project']).toBe('cse');
    });
  }
});

describe('overallVerdict', () => {
  it('is the worst step verdict', () => {
    expect(
      overallVerdict([
        { id: 'connection', verdict: 'passed' },
        { id: 'harbor', verdict: 'warning' },
      ]),
    ).toBe('warning');
    expect(
      overallVerdict([
        { id: 'connection', verdict: 'failed' },
        { id: 'harbor', verdict: 'warning' },
      ]),
    ).toBe('failed');
    expect(
      overallVerdict([
        { id: 'connection', verdict: 'passed' },
        { id: 'project', verdict: 'skipped' },
      ]),
    ).toBe('passed');
  });
});
