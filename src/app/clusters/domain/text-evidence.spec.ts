import { ConnectionEvidence, ImagePullEvidence, connectionProblem, hostOf, imagePulls } from './text-evidence';

describe('imagePulls', () => {
  const CASES: readonly { readonly title: string; readonly text: string; readonly pulls: readonly ImagePullEvidence[] }[] = [
    {
      title: 'kubeadm’s preflight line, with a port in the host',
      text: '[ERROR ImagePull]: failed to pull image 10.0.0.5:8443/cse/tkg/etcd:v3.5.7_vmware.6: output: manifest unknown',
      pulls: [{ reference: '10.0.0.5:8443/cse/tkg/etcd:v3.5.7_vmware.6', cause: 'notFound' }],
    },
    {
      title: 'kubelet’s event, quoted',
      text: 'Failed to pull image "h.local/cse/tkg/pause:3.9": rpc error: code = NotFound desc = h.local/cse/tkg/pause:3.9: not found',
      pulls: [{ reference: 'h.local/cse/tkg/pause:3.9', cause: 'notFound' }],
    },
    {
      title: 'containerd’s escaped quotes inside klog',
      text: 'err="failed to pull and unpack image \\"h.local/a/b:1\\": failed to resolve reference \\"h.local/a/b:1\\": 401 Unauthorized "',
      pulls: [{ reference: 'h.local/a/b:1', cause: 'accessDenied' }],
    },
    {
      title: 'a digest reference',
      text: `failed to pull image h.local/a/b@sha256:${'a'.repeat(64)}: x509: certificate has expired or is not yet valid: current time`,
      pulls: [{ reference: `h.local/a/b@sha256:${'a'.repeat(64)}`, cause: 'certificateExpired' }],
    },
    { title: 'no image at all', text: 'no free IP in pool', pulls: [] },
    {
      title: 'a pull failure without a cause we know',
      text: 'failed to pull image h.local/a/b:1: output: something else',
      pulls: [{ reference: 'h.local/a/b:1', cause: 'unknown' }],
    },
  ];
  for (const row of CASES) {
    it(`reads ${row.title}`, () => expect(imagePulls(row.text)).toEqual([...row.pulls]));
  }

  it('reads at most 20 images of one entry', () => {
    const text = Array.from({ length: 50 }, (_, i) => `failed to pull image h.local/a/b:${i}: not found`).join('\n');
    expect(imagePulls(text).length).toBe(20);
  });
});

describe('connectionProblem', () => {
  const CASES: readonly { readonly title: string; readonly text: string; readonly evidence: ConnectionEvidence | undefined }[] = [
    {
      title: 'a DNS failure names the host looked up',
      text: 'Get "https://vcd.example.com/api/versions": dial tcp: lookup vcd.example.com on 10.0.0.2:53: no such host',
      evidence: { cause: 'dns', host: 'vcd.example.com', isVcdApi: true },
    },
    {
      title: 'a timeout names the URL’s host',
      text: 'Get "https://h.local:8443/v2/": dial tcp 10.0.0.9:8443: i/o timeout',
      evidence: { cause: 'timeout', host: 'h.local', isVcdApi: false },
    },
    {
      title: 'a refused dial without URL names the dialled host',
      text: 'dial tcp 10.0.0.9:443: connect: connection refused',
      evidence: { cause: 'refused', host: '10.0.0.9', isVcdApi: false },
    },
    {
      title: 'a proxy failure names the proxy',
      text: 'Get "https://h.local/v2/": proxyconnect tcp: dial tcp 10.9.9.9:3128: connect: connection refused',
      evidence: { cause: 'proxy', host: '10.9.9.9', isVcdApi: false },
    },
    {
      title: 'a registry port that answers in plain HTTP names the URL’s host',
      text: 'failed to do request: Head "https://harbor.corp.local:80/v2/cse/pause/manifests/3.9": http: server gave HTTP response to HTTPS client',
      evidence: { cause: 'plainHttp', host: 'harbor.corp.local', isVcdApi: false },
    },
    { title: 'nothing about a connection', text: 'no free IP in pool', evidence: undefined },
  ];
  for (const row of CASES) {
    it(`reads ${row.title}`, () => expect(connectionProblem(row.text)).toEqual(row.evidence));
  }
});

describe('hostOf', () => {
  const CASES: readonly [string, string][] = [
    ['Harbor.Corp.Local:8443', 'harbor.corp.local'],
    ['[fd00::1]:443', '[fd00::1]'],
    ['10.0.0.1', '10.0.0.1'],
  ];
  for (const [authority, host] of CASES) {
    it(`reads ${authority} as ${host}`, () => expect(hostOf(authority)).toBe(host));
  }
});
