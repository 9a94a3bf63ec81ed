import { KNOWN_CAPVCD_ERRORS, knownNameKey } from './known-names';

/*
 * The names as CAPVCD writes them: the string values of pkg/capisdk/defined_entity.go, which
 * differ from several Go identifiers (VCDMachineScriptExecutionError = "VcdMachineScriptExecutionError",
 * VCDClusterVappCreationError = "VCDClusterVAppCreationError"). docs/domain.md#cluster-error-names.
 */
const KNOWN: readonly (readonly [string, string])[] = [
  ['VcdMachineScriptExecutionError', 'scriptExecution'],
  ['VcdMachineScriptGenerationError', 'scriptGeneration'],
  ['VcdMachineCreationError', 'machineCreation'],
  ['VcdMachineDeletionError', 'machineDeletion'],
  ['VCDMachineError', 'machine'],
  ['VCDClusterError', 'cluster'],
  ['VCDClusterVAppCreationError', 'vappCreation'],
  ['VCDClusterVAppDeleteError', 'vappDeletion'],
  ['LoadBalancerError', 'loadBalancer'],
  ['LoadBalancerPending', 'loadBalancerPending'],
  ['RdeError', 'rde'],
  ['CAPVCDObjectPatchError', 'patch'],
];

const OTHER: readonly (readonly [string, string])[] = [
  ['a Go identifier, not the value CAPVCD writes', 'VCDMachineScriptExecutionError'],
  ['another Go identifier', 'VCDClusterVappCreationError'],
  ['an event name', 'VcdMachineBootstrapped'],
  ['an event of CAPVCD 1.0.0 and v1.1.0', 'RdeAvailable'],
  ['the name in another case', 'vcdclustererror'],
  ['a name no public source lists', 'BootstrapClusterApplyFailed'],
  ['an inherited property', 'toString'],
  ['the prototype', '__proto__'],
  ['nothing', ''],
];

describe('knownNameKey', () => {
  for (const [name, key] of KNOWN) {
    it(`explains ${name} with ${key}`, () => expect(knownNameKey(name)).toBe(key));
  }
  for (const [title, name] of OTHER) {
    it(`leaves ${title} (“${name}”) unknown`, () => expect(knownNameKey(name)).toBeUndefined());
  }
  it('knows no other name', () => expect(Object.keys(KNOWN_CAPVCD_ERRORS).sort()).toEqual(KNOWN.map(([name]) => name).sort()));
});
