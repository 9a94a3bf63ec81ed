/* The Harbor checker's test bed (checker-bed.ts) with a fake Harbor behind /ext-api at HARBOR_BASE. */
import { HarborPresenceChecker } from '../harbor-presence-checker';
import { CheckerBed, checkerBed } from './checker-bed';
import { FakeHarbor } from './fake-registries';

export const HARBOR_BASE = 'https://vcd.example.com/ext-api/cseairgap-harbor';

export type HarborCheckerBed = CheckerBed<HarborPresenceChecker, FakeHarbor>;

/** Call in beforeEach. */
export function harborCheckerBed(): HarborCheckerBed {
  return checkerBed(HarborPresenceChecker, HARBOR_BASE, new FakeHarbor({ base: HARBOR_BASE, privateProjects: ['private'] }));
}
