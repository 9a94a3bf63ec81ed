/* How a check step's verdict shows on Clarity's timeline: the provider's check and the tenant page use the same. */
import { ClrTimelineStepState } from '@clr/angular';
import { CheckStepResult } from '../domain/registry-check';

export const TIMELINE_STATE: Record<CheckStepResult['verdict'], ClrTimelineStepState> = {
  pending: ClrTimelineStepState.NOT_STARTED,
  running: ClrTimelineStepState.PROCESSING,
  passed: ClrTimelineStepState.SUCCESS,
  warning: ClrTimelineStepState.CURRENT,
  failed: ClrTimelineStepState.ERROR,
  skipped: ClrTimelineStepState.NOT_STARTED,
};
