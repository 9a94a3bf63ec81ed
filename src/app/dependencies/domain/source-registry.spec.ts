import { SourceRegistryValidation, fromSource, readSourceSetting, validateSourceRegistry } from './source-registry';

describe('validateSourceRegistry', () => {
  const rows: readonly (readonly [string, SourceRegistryValidation])[] = [
    ['projects.registry.vmware.com', { valid: true, value: 'projects.registry.vmware.com' }],
    [' Projects.Packages.Broadcom.com ', { valid: true, value: 'projects.packages.broadcom.com' }],
    ['127.0.0.1:5000', { valid: true, value: '127.0.0.1:5000' }],
    ['[fd00::5]:5000', { valid: true, value: '[fd00::5]:5000' }],
    ['', { valid: false, code: 'empty' }],
    ['a b', { valid: false, code: 'whitespace' }],
    [
      'https://projects.packages.broadcom.com',
      { valid: false, code: 'scheme', params: { scheme: 'https' }, fix: 'projects.packages.broadcom.com' },
    ],
    ['projects.packages.broadcom.com/tkg', { valid: false, code: 'path', params: { path: '/tkg' }, fix: 'projects.packages.broadcom.com' }],
    ['user:pw@harbor.corp.local', { valid: false, code: 'credentials', fix: 'harbor.corp.local' }],
    ['harbor', { valid: false, code: 'invalidHost' }],
    ['harbor.corp.local:99999', { valid: false, code: 'invalidHost' }],
  ];
  for (const [input, result] of rows) {
    it(`${result.valid ? 'accepts' : `refuses (${result.code})`} "${input}"`, () => {
      expect(validateSourceRegistry(input)).toEqual(result);
    });
  }
});

describe('fromSource', () => {
  const rows: readonly (readonly [string, string, string])[] = [
    [
      'projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1',
      'projects.packages.broadcom.com',
      'projects.packages.broadcom.com/tkg/etcd:v3.5.10_vmware.1',
    ],
    [
      'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
      'projects.packages.broadcom.com',
      'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
    ],
    ['projects.registry.vmware.com.evil/x:v1', 'mirror.local', 'projects.registry.vmware.com.evil/x:v1'],
    ['projects.registry.vmware.com/tkg/etcd:v1', 'projects.registry.vmware.com', 'projects.registry.vmware.com/tkg/etcd:v1'],
  ];
  for (const [reference, source, pulled] of rows) {
    it(`pulls ${reference} from ${pulled} when the source is ${source}`, () => {
      expect(fromSource(reference, source)).toBe(pulled);
    });
  }
});

describe('readSourceSetting', () => {
  const rows: readonly (readonly [string, unknown, string | undefined])[] = [
    ['a valid host', 'projects.packages.broadcom.com', 'projects.packages.broadcom.com'],
    ['a host and port', '127.0.0.1:5000', '127.0.0.1:5000'],
    ['a URL with a scheme', 'https://projects.packages.broadcom.com', undefined],
    ['a host with a path', 'projects.packages.broadcom.com/tkg', undefined],
    ['a host with credentials', 'user:pw@harbor.corp.local', undefined],
    ['a host not in its canonical form', 'Projects.Packages.Broadcom.com', undefined],
    ['a number', 5000, undefined],
    ['an object', { host: 'mirror.local' }, undefined],
  ];
  for (const [what, stored, read] of rows) {
    it(`${read ? 'reads' : 'drops'} ${what}`, () => {
      expect(readSourceSetting(stored)).toBe(read);
    });
  }
});
