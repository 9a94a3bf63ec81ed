import { WriteAccess, writeAccess } from './write-access';
import { CseConfigLookup } from './vcdke-config';

const FOUND: CseConfigLookup = {
  kind: 'found',
  entityId: 'urn:1',
  settings: { containerRegistryUrl: 'x', bootstrapCertificates: [], nodeCertificates: [] },
};

describe('writeAccess', () => {
  const cases: { name: string; args: Parameters<typeof writeAccess>; expected: WriteAccess }[] = [
    {
      name: 'lets a provider with Modify write',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: Modify']), FOUND],
      expected: { canWrite: true },
    },
    {
      name: 'lets a provider with Full Access write',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: Full Access']), FOUND],
      expected: { canWrite: true },
    },
    {
      name: 'lets a System Administrator (Administrator Full access, any case) write',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: Administrator Full Access']), FOUND],
      expected: { canWrite: true },
    },
    {
      name: 'stops a provider with Administrator View only',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: Administrator View', 'vmware:VCDKEConfig: View']), FOUND],
      expected: { canWrite: false, reason: 'missingRight' },
    },
    {
      name: 'stops a provider with View only',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: View']), FOUND],
      expected: { canWrite: false, reason: 'missingRight' },
    },
    {
      name: 'stops every tenant, whatever the rights',
      args: ['tenant', new Set(['vmware:VCDKEConfig: Modify']), FOUND],
      expected: { canWrite: false, reason: 'tenant' },
    },
    {
      name: 'stops when the rights could not be read',
      args: ['service-provider', undefined, FOUND],
      expected: { canWrite: false, reason: 'rightsUnknown' },
    },
    {
      name: 'stops when no vcdKeConfig exists',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: Modify']), { kind: 'missing' }],
      expected: { canWrite: false, reason: 'missing' },
    },
    {
      name: 'stops when several exist, saying how many',
      args: ['service-provider', new Set(['vmware:VCDKEConfig: Modify']), { kind: 'ambiguous', count: 2 }],
      expected: { canWrite: false, reason: 'ambiguous', count: 2 },
    },
  ];
  for (const { name, args, expected } of cases) {
    it(name, () => expect(writeAccess(...args)).toEqual(expected));
  }
});
