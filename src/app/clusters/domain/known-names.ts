/*
 * The error names CAPVCD writes (pkg/capisdk/defined_entity.go, v1.2.0–v1.3.0; see
 * docs/domain-clusters.md), each with the key of its explanation. A name outside this table is
 * not guessed at: it is shown verbatim.
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
