/*
 * What of a registry status may be written to VCD. The entity is shared read-only with the
 * organization, so it keeps only what the README lists: base URLs, check results (verdicts and
 * translated messages), certificate facts and VCD's public API address. A step's raw detail is
 * VCD's own text — the registry's resolved IP address, an exception naming internal hosts — that
 * tells a tenant how the provider's network is laid out: the provider sees it live, during his
 * check, and it is never kept.
 */
import { CheckStepResult, RegistryCheckRecord } from './stored-records';
import { RegistryStatus } from './registry-status';

function storableStep(step: CheckStepResult): CheckStepResult {
  const { detail: _liveOnly, ...kept } = step;
  return kept;
}

function storableCheck(record: RegistryCheckRecord): RegistryCheckRecord {
  return { ...record, steps: record.steps.map(storableStep) };
}

/** The status as it may be stored: every registry-check step without its raw detail. */
export function storableStatus(status: RegistryStatus): RegistryStatus {
  return status.lastRegistryCheck ? { ...status, lastRegistryCheck: storableCheck(status.lastRegistryCheck) } : status;
}
