import { BASE, REGISTRY, clusterEntity, errorEntry, kubeadmPullFailure, notFound, unknownAuthority } from '../testing/cluster-entities';
import { classifyCluster, hasProblems } from './classify';
import { FindingCheck, FindingFix, FindingKind, FindingReason } from './finding';
import { readClusterEntity } from './read-cluster';

const COREDNS = `${BASE}/tkg/coredns:v1.10.1_vmware.7`;

interface Case {
  readonly title: string;
  readonly name: string;
  readonly text: string;
  readonly kind: FindingKind;
  readonly reason: FindingReason;
  readonly host?: string;
  readonly check?: FindingCheck;
  readonly fix?: FindingFix;
}

const CASES: readonly Case[] = [
  {
    title: 'an image kubeadm cannot find',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(COREDNS, notFound(COREDNS)),
    kind: 'imageMissing',
    reason: 'notFound',
    host: REGISTRY,
    check: 'image',
    fix: 'dependencies',
  },
  {
    title: 'an image in a project without anonymous pull',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(
      COREDNS,
      `Unknown desc = failed to pull and unpack image \\"${COREDNS}\\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope`,
    ),
    kind: 'imageMissing',
    reason: 'accessDenied',
    check: 'image',
    fix: 'dependencies',
  },
  {
    title: 'a registry certificate the nodes do not trust',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(COREDNS, unknownAuthority(COREDNS, 'cse/tkg/coredns/manifests/v1.10.1_vmware.7')),
    kind: 'untrustedCertificate',
    reason: 'unknownAuthority',
    host: REGISTRY,
    check: 'registry',
    fix: 'certificates',
  },
  {
    title: 'a registry certificate for another name',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(
      COREDNS,
      `failed to do request: Head \\"https://${REGISTRY}/v2/x\\": x509: certificate is valid for harbor.other, not ${REGISTRY}`,
    ),
    kind: 'untrustedCertificate',
    reason: 'certificateName',
    check: 'registry',
    fix: 'certificates',
  },
  {
    title: 'a registry name that does not resolve',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(
      COREDNS,
      `failed to do request: Head \\"https://${REGISTRY}/v2/x\\": dial tcp: lookup ${REGISTRY} on 10.0.0.2:53: no such host`,
    ),
    kind: 'registryUnreachable',
    reason: 'dns',
    host: REGISTRY,
    check: 'registry',
    fix: 'registryCheck',
  },
  {
    title: 'a registry that does not answer',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(COREDNS, `failed to do request: Head \\"https://${REGISTRY}/v2/x\\": dial tcp 10.1.1.5:443: i/o timeout`),
    kind: 'registryUnreachable',
    reason: 'timeout',
    check: 'registry',
    fix: 'registryCheck',
  },
  {
    title: 'a registry port that answers in plain HTTP',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(
      COREDNS,
      `failed to do request: Head \\"https://${REGISTRY}/v2/x\\": http: server gave HTTP response to HTTPS client`,
    ),
    kind: 'registryUnreachable',
    reason: 'plainHttp',
    host: REGISTRY,
    check: 'registry',
    fix: 'registryCheck',
  },
  {
    title: 'a proxy in the way of a pull',
    name: 'VcdMachineScriptExecutionError',
    text: kubeadmPullFailure(
      COREDNS,
      'failed to do request: Head \\"https://x/v2/\\": proxyconnect tcp: dial tcp 10.9.9.9:3128: connect: connection refused',
    ),
    kind: 'proxy',
    reason: 'proxy',
    fix: 'proxy',
  },
  {
    title: 'VCD’s name that does not resolve from the cluster',
    name: 'VCDClusterError',
    text: 'failed to get vdcManager: [unable to get client: Get "https://vcd.example.com/api/versions": dial tcp: lookup vcd.example.com on 10.0.0.2:53: no such host]',
    kind: 'vcdUnreachable',
    reason: 'dns',
    host: 'vcd.example.com',
    fix: 'publicEndpoint',
  },
  {
    title: 'VCD’s certificate the cluster does not trust',
    name: 'VCDClusterError',
    text: 'unable to get client: Get "https://vcd.example.com/cloudapi/1.0.0/sessions": x509: certificate signed by unknown authority',
    kind: 'untrustedCertificate',
    reason: 'unknownAuthority',
    host: 'vcd.example.com',
    fix: 'publicEndpoint',
  },
  {
    title: 'a bootstrap phase that never finished',
    name: 'VcdMachineScriptExecutionError',
    text: 'time for postcustomization status [guestinfo.postcustomization.kubeinit.status] exceeded timeout [900]',
    kind: 'other',
    reason: 'phaseTimeout',
  },
  {
    title: 'a script failure with nothing we recognise',
    name: 'VcdMachineScriptExecutionError',
    text: 'script failed with status [2] and reason [Mon Jan 13 118 /root/node.sh: systemctl restart containerd]',
    kind: 'other',
    reason: 'scriptFailed',
  },
  {
    title: 'a load balancer error (a known name)',
    name: 'LoadBalancerError',
    text: 'failed to create virtual service: no free IP in pool',
    kind: 'other',
    reason: 'knownName',
  },
  {
    title: 'a name no public source lists',
    name: 'BootstrapClusterApplyFailed<script>',
    text: 'kind exited 1',
    kind: 'other',
    reason: 'unknownName',
  },
];

function classify(name: string, text: string) {
  const record = readClusterEntity(clusterEntity({ errors: [errorEntry({ name, error: text })] }));
  return classifyCluster(record, { currentBase: BASE });
}

describe('classifyCluster', () => {
  for (const row of CASES) {
    it(`reads ${row.title} as ${row.kind} (${row.reason})`, () => {
      const [finding, ...rest] = classify(row.name, row.text);
      expect(rest).toEqual([]);
      expect(finding?.kind).toBe(row.kind);
      expect(finding?.reason).toBe(row.reason);
      if (row.host) expect(finding?.host).toBe(row.host);
      expect(finding?.check).toBe(row.check);
      expect(finding?.fix).toBe(row.fix);
      expect(finding?.entry.name).toBe(row.name);
      expect(finding?.entry.occurredAt).toBe('2025-01-13T10:41:07.000Z');
    });
  }

  it('maps a missing image to its dependency and to where it must be under the base configured now', () => {
    const [finding] = classifyCluster(
      readClusterEntity(
        clusterEntity({
          errors: [errorEntry({ name: 'VcdMachineScriptExecutionError', error: kubeadmPullFailure(COREDNS, notFound(COREDNS)) })],
        }),
      ),
      { currentBase: 'harbor.new.local:8443/mirror' },
    );
    expect(finding?.image).toEqual({
      failing: COREDNS,
      clusterBase: BASE,
      pathUnderBase: 'tkg/coredns',
      source: 'projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7',
      group: 'tkg',
      expected: 'harbor.new.local:8443/mirror/tkg/coredns:v1.10.1_vmware.7',
    });
  });

  it('gives each image of one kubeadm failure its own cause', () => {
    const etcd = `${BASE}/tkg/etcd:v3.5.7_vmware.6`;
    const text = [
      kubeadmPullFailure(COREDNS, notFound(COREDNS)),
      kubeadmPullFailure(etcd, unknownAuthority(etcd, 'cse/tkg/etcd/manifests/x')),
    ].join('\n');
    const findings = classify('VcdMachineScriptExecutionError', text);
    expect(findings.map((finding) => [finding.kind, finding.image?.pathUnderBase])).toEqual([
      ['imageMissing', 'tkg/coredns'],
      ['untrustedCertificate', 'tkg/etcd'],
    ]);
  });

  it('counts the same failure recorded at every retry once, from the first time to the last', () => {
    const text = kubeadmPullFailure(COREDNS, notFound(COREDNS));
    const errors = ['2025-01-13T11:00:00Z', '2025-01-13T10:00:00Z', '2025-01-13T10:30:00Z'].map((occurredAt) =>
      errorEntry({ name: 'VcdMachineScriptExecutionError', occurredAt, error: text }),
    );
    const [finding, ...rest] = classifyCluster(readClusterEntity(clusterEntity({ errors })));
    expect(rest).toEqual([]);
    expect(finding?.occurrences).toBe(3);
    expect(finding?.entry.occurredAt).toBe('2025-01-13T10:00:00Z');
    expect(finding?.lastAt).toBe('2025-01-13T11:00:00Z');
  });

  it('puts airgap findings before the others, whatever their order in the errorSet', () => {
    const errors = [
      errorEntry({ name: 'LoadBalancerError', occurredAt: '2025-01-13T09:00:00Z', error: 'no free IP' }),
      errorEntry({
        name: 'VcdMachineScriptExecutionError',
        occurredAt: '2025-01-13T10:00:00Z',
        error: kubeadmPullFailure(COREDNS, notFound(COREDNS)),
      }),
    ];
    expect(classifyCluster(readClusterEntity(clusterEntity({ errors }))).map((finding) => finding.kind)).toEqual(['imageMissing', 'other']);
  });

  it('reports an entry that is not an object as unreadable, with its raw text', () => {
    const findings = classifyCluster(readClusterEntity(clusterEntity({ errors: ['<img src=x onerror=alert(1)>'] })));
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([['unreadable', '<img src=x onerror=alert(1)>']]);
  });

  it('ignores events: a healthy cluster has no finding', () => {
    const record = readClusterEntity(clusterEntity({ state: 'provisioned', errors: [] }));
    expect(classifyCluster(record)).toEqual([]);
    expect(hasProblems(record, [])).toBeFalse();
  });

  it('counts a cluster in error with an empty errorSet as having a problem', () => {
    const record = readClusterEntity(clusterEntity({ state: 'error', errors: [] }));
    expect(hasProblems(record, classifyCluster(record))).toBeTrue();
  });

  it('stays linear on a huge text with many near-matches', () => {
    const text = 'failed to pull image '.repeat(20_000) + 'x509: '.repeat(20_000);
    const started = performance.now();
    classify('VcdMachineScriptExecutionError', text);
    expect(performance.now() - started).toBeLessThan(2_000); // generous: a backtracking pattern takes minutes
  });
});
