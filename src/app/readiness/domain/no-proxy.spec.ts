import { ProxyDecision, ProxySettings, ProxyTarget, proxyDecision, withoutCredentials } from './no-proxy';
import { NoProxyNoteCode, noProxyNotes } from './no-proxy-notes';

const PROXY = 'http://proxy.corp.example:3128';
const https = (host: string, port?: number): ProxyTarget => ({ scheme: 'https', host, ...(port ? { port } : {}) });

interface DecisionCase {
  readonly noProxy: string;
  readonly target: ProxyTarget;
  readonly decision: ProxyDecision;
  readonly settings?: Partial<ProxySettings>;
}

// Each row follows golang.org/x/net/http/httpproxy (proxy.go and proxy_test.go's cases).
const cases: readonly DecisionCase[] = [
  // No proxy for the scheme: everything goes direct.
  { noProxy: '', target: https('harbor.corp.local'), settings: { httpsProxy: '' }, decision: { kind: 'noProxyForScheme' } },
  {
    noProxy: '',
    target: { scheme: 'http', host: 'harbor.corp.local' },
    settings: { httpProxy: '  ' },
    decision: { kind: 'noProxyForScheme' },
  },
  // localhost and loopback never.
  { noProxy: '', target: https('localhost'), decision: { kind: 'loopback' } },
  { noProxy: '', target: https('127.0.0.1', 5000), decision: { kind: 'loopback' } },
  { noProxy: '', target: https('127.8.9.10'), decision: { kind: 'loopback' } },
  { noProxy: '', target: https('::1'), decision: { kind: 'loopback' } },
  // Nothing listed.
  { noProxy: '', target: https('harbor.corp.local'), decision: { kind: 'proxied' } },
  // A lone * anywhere.
  { noProxy: '*', target: https('harbor.corp.local'), decision: { kind: 'excluded', entry: '*' } },
  { noProxy: 'a.b, * ,c.d', target: https('10.1.2.3'), decision: { kind: 'excluded', entry: '*' } },
  // Names: the name and its subdomains, on a label boundary; spaces and case do not matter.
  { noProxy: 'corp.local', target: https('harbor.corp.local'), decision: { kind: 'excluded', entry: 'corp.local' } },
  { noProxy: ' Corp.Local ', target: https('corp.local'), decision: { kind: 'excluded', entry: 'corp.local' } },
  { noProxy: 'corp.local', target: https('xcorp.local'), decision: { kind: 'proxied' } },
  { noProxy: 'harbor.corp.local', target: https('HARBOR.corp.local'), decision: { kind: 'excluded', entry: 'harbor.corp.local' } },
  // A leading dot or *. matches subdomains only.
  { noProxy: '.corp.local', target: https('harbor.corp.local'), decision: { kind: 'excluded', entry: '.corp.local' } },
  { noProxy: '.corp.local', target: https('corp.local'), decision: { kind: 'proxied' } },
  { noProxy: '*.corp.local', target: https('corp.local'), decision: { kind: 'proxied' } },
  { noProxy: '*.corp.local', target: https('a.b.corp.local'), decision: { kind: 'excluded', entry: '*.corp.local' } },
  // Ports: an entry with a port matches that port only (443 when the URL has none).
  { noProxy: 'harbor.corp.local:8443', target: https('harbor.corp.local'), decision: { kind: 'proxied' } },
  {
    noProxy: 'harbor.corp.local:8443',
    target: https('harbor.corp.local', 8443),
    decision: { kind: 'excluded', entry: 'harbor.corp.local:8443' },
  },
  { noProxy: 'harbor.corp.local:443', target: https('harbor.corp.local'), decision: { kind: 'excluded', entry: 'harbor.corp.local:443' } },
  // IP literals, with and without a port; names never match addresses and addresses never names.
  { noProxy: '10.0.0.5', target: https('10.0.0.5', 5000), decision: { kind: 'excluded', entry: '10.0.0.5' } },
  { noProxy: '10.0.0.5:443', target: https('10.0.0.5', 5000), decision: { kind: 'proxied' } },
  { noProxy: '10.0.0.5', target: https('10.0.0.6'), decision: { kind: 'proxied' } },
  { noProxy: '0.5', target: https('10.0.0.5'), decision: { kind: 'proxied' } },
  // CIDRs, IPv4 and IPv6.
  { noProxy: '10.0.0.0/8', target: https('10.200.1.1'), decision: { kind: 'excluded', entry: '10.0.0.0/8' } },
  { noProxy: '10.0.0.0/8', target: https('11.0.0.1'), decision: { kind: 'proxied' } },
  { noProxy: '10.0.0.0/8', target: https('ten.corp.local'), decision: { kind: 'proxied' } },
  { noProxy: 'fd00::/8', target: https('fd12:3456::1'), decision: { kind: 'excluded', entry: 'fd00::/8' } },
  { noProxy: '192.168.1.0/255', target: https('192.168.1.1'), decision: { kind: 'proxied' } },
  // IPv6 literals: bare, or in brackets with a port; in brackets without a port they never match.
  { noProxy: 'fd00::5', target: https('fd00::5'), decision: { kind: 'excluded', entry: 'fd00::5' } },
  { noProxy: '[fd00::5]:443', target: https('fd00::5'), decision: { kind: 'excluded', entry: '[fd00::5]:443' } },
  { noProxy: '[fd00::5]', target: https('fd00::5'), decision: { kind: 'proxied' } },
  // An IPv4-mapped address is the IPv4 address.
  { noProxy: '10.0.0.5', target: https('::ffff:10.0.0.5'), decision: { kind: 'excluded', entry: '10.0.0.5' } },
  // Malformed entries are skipped; the rest still counts.
  { noProxy: ',,:80, corp.local', target: https('harbor.corp.local'), decision: { kind: 'excluded', entry: 'corp.local' } },
  // The http scheme uses HTTP_PROXY and port 80.
  {
    noProxy: 'vcd.corp.local:80',
    target: { scheme: 'http', host: 'vcd.corp.local' },
    decision: { kind: 'excluded', entry: 'vcd.corp.local:80' },
  },
  // Internationalised names compare as punycode.
  { noProxy: 'bücher.example', target: https('xn--bcher-kva.example'), decision: { kind: 'excluded', entry: 'bücher.example' } },
];

describe('proxyDecision', () => {
  for (const { noProxy, target, decision, settings } of cases) {
    it(`decides ${decision.kind} for ${target.scheme}://${target.host}${target.port ? `:${target.port}` : ''} with NO_PROXY "${noProxy}"`, () => {
      expect(proxyDecision({ httpProxy: PROXY, httpsProxy: PROXY, noProxy, ...settings }, target)).toEqual(decision);
    });
  }

  it('reads only the first 8 KiB of a huge NO_PROXY', () => {
    const noProxy = `${'a,'.repeat(5000)}harbor.corp.local`;
    expect(proxyDecision({ httpsProxy: PROXY, noProxy }, https('harbor.corp.local'))).toEqual({ kind: 'proxied' });
  });
});

describe('withoutCredentials', () => {
  const rows: readonly (readonly [string, string])[] = [
    ['http://user:secret@proxy.corp:3128', 'http://proxy.corp:3128'],
    ['http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['user:p@ss@proxy.corp:3128', 'proxy.corp:3128'],
    ['https://u@proxy.corp/path@x', 'https://proxy.corp/path@x'],
    [' http://a:b@[fd00::1]:3128 ', 'http://[fd00::1]:3128'],
  ];
  for (const [input, output] of rows) {
    it(`shows ${input.trim()} as ${output}`, () => {
      expect(withoutCredentials(input)).toBe(output);
    });
  }
});

describe('noProxyNotes', () => {
  const rows: readonly (readonly [string, readonly (readonly [NoProxyNoteCode, string])[]])[] = [
    ['corp.local, 10.0.0.0/8, [fd00::1]:443, .svc', []],
    ['*', [['wildcardAll', '*']]],
    ['[fd00::1]', [['bracketsWithoutPort', '[fd00::1]']]],
    [
      '10.0.0.0/33, corp/16',
      [
        ['invalidCidr', '10.0.0.0/33'],
        ['invalidCidr', 'corp/16'],
      ],
    ],
    ['http://harbor.corp.local', [['scheme', 'http://harbor.corp.local']]],
    ['harbor corp.local', [['innerSpace', 'harbor corp.local']]],
    ['harbor.*.local, *.corp.local', [['innerWildcard', 'harbor.*.local']]],
  ];
  for (const [noProxy, notes] of rows) {
    it(`notes ${notes.length === 0 ? 'nothing' : notes.map(([code]) => code).join(', ')} in "${noProxy}"`, () => {
      expect(noProxyNotes(noProxy)).toEqual(notes.map(([code, entry]) => ({ code, entry })));
    });
  }
});
