/*
 * The error names CAPVCD writes (pkg/capisdk/defined_entity.go, identical from 1.0.0 to v1.3.2 and
 * main), each with the key of its explanation: exactly the table of docs/domain.md#cluster-error-names
 * (scripts/docs-domain.test.ts compares them). A name outside this table is not guessed at: it is
 * shown verbatim.
 */
export const KNOWN_CAPVCD_ERRORS: Readonly<Record<string, string>> = {
  VcdMachineScriptExecutionError: 'scriptExecution',
  VcdMachineScriptGenerationError: 'scriptGeneration',
  VcdMachineCreationError: 'machineCreation',
  VcdMachineDeletionError: 'machineDeletion',
  VCDMachineError: 'machine',
  VCDClusterError: 'cluster',
  VCDClusterVAppCreationError: 'vappCreation',
  VCDClusterVAppDeleteError: 'vappDeletion',
  LoadBalancerError: 'loadBalancer',
  LoadBalancerPending: 'loadBalancerPending',
  RdeError: 'rde',
  CAPVCDObjectPatchError: 'patch',
};

export function knownNameKey(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(KNOWN_CAPVCD_ERRORS, name) ? KNOWN_CAPVCD_ERRORS[name] : undefined;
}
