import { SECRET_API_TOKEN, SECRET_KUBECONFIG, clusterEntity, errorEntry } from '../testing/cluster-entities';
import { boundedJson } from './bounded-text';
import { MAX_DETAIL_CHARS, MAX_ENTRIES_PER_SET } from './cluster-record';
import { readClusterEntity } from './read-cluster';

describe('readClusterEntity', () => {
  it('keeps the public facts of a cluster: name, organization, CSE state, phase, Kubernetes, site', () => {
    const record = readClusterEntity(clusterEntity({ name: 'acme-prod', state: 'error' }));
    expect(record).toEqual(
      jasmine.objectContaining({
        name: 'acme-prod',
        org: { id: 'urn:vcloud:org:acme', name: 'acme' },
        state: 'error',
        phase: 'Provisioning',
        kubernetes: 'v1.27.5+vmware.1',
        site: 'https://vcd.example.com',
        shape: 'ok',
      }),
    );
  });

  it('never copies the kubeconfig or the API token, wherever they sit', () => {
    const entity = clusterEntity({ errors: [errorEntry({ name: 'x', error: 'y' })] });
    const text = JSON.stringify(readClusterEntity(entity));
    expect(text).not.toContain(SECRET_KUBECONFIG.slice(-10));
    expect(text).not.toContain('KUBECONFIG-SECRET');
    expect(text).not.toContain(SECRET_API_TOKEN);
    expect(text).not.toContain('capiYaml');
  });

  it('reads an entry as CAPVCD writes it: name, time, resource and additionalDetails.error', () => {
    const [entry] = readClusterEntity(
      clusterEntity({ errors: [errorEntry({ name: 'VcdMachineScriptExecutionError', error: 'boom' })] }),
    ).entries;
    expect(entry).toEqual({
      component: 'capvcd',
      set: 'errorSet',
      index: 0,
      name: 'VcdMachineScriptExecutionError',
      occurredAt: '2025-01-13T10:41:07.000Z',
      vcdResourceName: 'cluster-control-plane-x7k2p',
      detail: { text: 'boom', truncated: false },
    });
  });

  const DETAILS: readonly { readonly title: string; readonly details: unknown; readonly text: string }[] = [
    { title: 'CSE’s "Detailed Error"', details: { 'Detailed Error': 'from CSE' }, text: 'from CSE' },
    { title: 'an event’s "event"', details: { event: 'an event' }, text: 'an event' },
    { title: 'a bare string', details: 'plain', text: 'plain' },
    { title: 'an object of another shape, as JSON', details: { code: 7, why: ['a'] }, text: '{"code":7,"why":["a"]}' },
  ];
  for (const row of DETAILS) {
    it(`takes the text of ${row.title}`, () => {
      const [entry] = readClusterEntity(clusterEntity({ errors: [{ name: 'n', additionalDetails: row.details }] })).entries;
      expect(entry?.detail?.text).toBe(row.text);
    });
  }

  it('reads the vcdKe, projector, cpi and csi sets too', () => {
    const record = readClusterEntity(
      clusterEntity({
        status: {
          vcdKe: { state: 'error', errorSet: [{ name: 'CseError', additionalDetails: { 'Detailed Error': 'x' } }] },
          projector: { errorSet: [{ name: 'ProjectorError' }] },
          cpi: { eventSet: [{ name: 'CpiEvent' }] },
        },
      }),
    );
    expect(record.entries.map((entry) => `${entry.component}.${entry.set}.${entry.name}`)).toEqual([
      'vcdKe.errorSet.CseError',
      'projector.errorSet.ProjectorError',
      'cpi.eventSet.CpiEvent',
    ]);
  });

  describe('when the entity has an unexpected shape', () => {
    it('says a cluster without status has none, and keeps its name', () => {
      const record = readClusterEntity(clusterEntity({ status: null }));
      expect(record.shape).toBe('noStatus');
      expect(record.name).toBe('acme-prod');
    });

    it('says an entity whose document is not an object is unreadable', () => {
      expect(readClusterEntity({ id: 'x', name: 'n', entity: 'oops' }).shape).toBe('unreadable');
      expect(readClusterEntity(null).shape).toBe('unreadable');
      expect(readClusterEntity([1, 2]).shape).toBe('unreadable');
    });

    it('keeps an errorSet of strings as unreadable entries, raw', () => {
      const record = readClusterEntity(clusterEntity({ errors: ['first', 42] }));
      expect(record.entries.filter((entry) => entry.set === 'errorSet')).toEqual([]);
      expect(record.unreadable.map((bad) => bad.raw.text)).toEqual(['first', '42']);
    });

    it('keeps an errorSet that is not a list as one unreadable entry', () => {
      const record = readClusterEntity(clusterEntity({ status: { capvcd: { errorSet: { name: 'x' } } } }));
      expect(record.unreadable.map((bad) => bad.raw.text)).toEqual(['{"name":"x"}']);
    });

    it('ignores fields of the wrong type instead of failing', () => {
      const record = readClusterEntity(clusterEntity({ errors: [{ name: 7, occurredAt: {}, additionalDetails: { error: 5 } }] }));
      expect(record.entries[0]).toEqual(jasmine.objectContaining({ name: '', detail: { text: '{"error":5}', truncated: false } }));
      expect(record.entries[0]?.occurredAt).toBeUndefined();
    });

    it('caps a huge additionalDetails and says so', () => {
      const huge = 'x'.repeat(5_000_000);
      const [entry] = readClusterEntity(clusterEntity({ errors: [errorEntry({ name: 'n', error: huge })] })).entries;
      expect(entry?.detail?.text.length).toBe(MAX_DETAIL_CHARS);
      expect(entry?.detail?.truncated).toBeTrue();
    });

    it('reads at most MAX_ENTRIES_PER_SET entries per set and counts the rest', () => {
      const errors = Array.from({ length: MAX_ENTRIES_PER_SET + 30 }, (_, i) => errorEntry({ name: `e${i}`, error: 'x' }));
      const record = readClusterEntity(clusterEntity({ errors }));
      expect(record.entries.filter((entry) => entry.set === 'errorSet').length).toBe(MAX_ENTRIES_PER_SET);
      expect(record.droppedEntries).toBe(30);
    });
  });
});

describe('boundedJson', () => {
  it('stops at its budget on a wide object', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) wide[`k${i}`] = i;
    const text = boundedJson(wide, 100);
    expect(text.text.length).toBe(100);
    expect(text.truncated).toBeTrue();
  });

  it('stops at a depth limit on a deep one', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(boundedJson(deep, 1000).text).toBe('[[[[[[[["…"]]]]]]]]');
  });
});
