import { TestBed } from '@angular/core/testing';
import { Subject, firstValueFrom, toArray } from 'rxjs';
import { RegistrySettings } from '../../shared/cse-config';
import { Finding, classifyCluster, readClusterEntity } from '../domain';
import { BASE, REGISTRY, clusterEntity, errorEntry, kubeadmPullFailure, notFound, unknownAuthority } from '../testing/cluster-entities';
import { FakeImageRecheck, FakeRegistryRecheck } from '../testing/fake-rechecks';
import { ClusterChecks, FindingCheckState } from './cluster-checks.service';
import { IMAGE_RECHECK } from './image-recheck';
import { RegistryRecheck } from './registry-recheck';

const COREDNS = `${BASE}/tkg/coredns:v1.10.1_vmware.7`;
const SETTINGS: RegistrySettings = {
  containerRegistryUrl: 'harbor.new.local/mirror',
  bootstrapCertificates: [],
  nodeCertificates: ['PEM'],
};

function findingOf(text: string, name = 'VcdMachineScriptExecutionError'): Finding {
  const record = readClusterEntity(clusterEntity({ errors: [errorEntry({ name, error: text })] }));
  const [finding] = classifyCluster(record, { currentBase: SETTINGS.containerRegistryUrl });
  if (!finding) throw new Error('no finding');
  return finding;
}

describe('ClusterChecks', () => {
  let checks: ClusterChecks;
  let images: FakeImageRecheck;
  let registry: FakeRegistryRecheck;

  beforeEach(() => {
    images = new FakeImageRecheck();
    registry = new FakeRegistryRecheck();
    TestBed.configureTestingModule({
      providers: [ClusterChecks, { provide: IMAGE_RECHECK, useValue: images }, { provide: RegistryRecheck, useValue: registry }],
    });
    checks = TestBed.inject(ClusterChecks);
  });

  const run = (finding: Finding): Promise<FindingCheckState[]> =>
    firstValueFrom(checks.checkFinding(finding, SETTINGS, new Subject<void>()).pipe(toArray()));

  it('re-checks exactly the missing image, at its path under the base configured now, and says it is still missing', async () => {
    const states = await run(findingOf(kubeadmPullFailure(COREDNS, notFound(COREDNS))));
    expect(images.asked).toEqual([
      [
        {
          destination: 'harbor.new.local/mirror/tkg/coredns:v1.10.1_vmware.7',
          source: 'projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7',
        },
      ],
    ]);
    expect(states).toEqual([
      { status: 'running' },
      {
        status: 'done',
        verdict: 'stillFailing',
        image: { status: 'missing', reference: 'harbor.new.local/mirror/tkg/coredns:v1.10.1_vmware.7' },
      },
    ]);
  });

  it('says a new cluster would get past that step once the image is there', async () => {
    images.present.add('harbor.new.local/mirror/tkg/coredns:v1.10.1_vmware.7');
    const states = await run(findingOf(kubeadmPullFailure(COREDNS, notFound(COREDNS))));
    expect(states[1]).toEqual(jasmine.objectContaining({ status: 'done', verdict: 'wouldPass' }));
  });

  it('checks the configured registry with the CA certificates CSE gives the nodes, for a certificate finding', async () => {
    const states = firstValueFrom(
      checks
        .checkFinding(findingOf(kubeadmPullFailure(COREDNS, unknownAuthority(COREDNS, 'x'))), SETTINGS, new Subject<void>())
        .pipe(toArray()),
    );
    expect(registry.asked).toEqual([{ base: 'harbor.new.local/mirror', nodeCertificates: ['PEM'] }]);
    registry.answer.next({ base: 'harbor.new.local/mirror', reachable: true, trustedByNodes: false, apiAnswered: true });
    registry.answer.complete();
    expect((await states)[1]).toEqual(jasmine.objectContaining({ status: 'done', verdict: 'stillFailing' }));
  });

  it('offers nothing to run for a finding it cannot check', async () => {
    const finding = findingOf(
      `Get "https://vcd.example.com/api/versions": dial tcp: lookup vcd.example.com on 1.1.1.1:53: no such host`,
      'VCDClusterError',
    );
    expect(finding.kind).toBe('vcdUnreachable');
    expect(await run(finding)).toEqual([]);
    expect(REGISTRY).toBe('harbor.corp.local');
  });
});
