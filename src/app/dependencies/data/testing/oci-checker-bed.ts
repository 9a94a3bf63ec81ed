/* The OCI checker's test bed (checker-bed.ts) with a fake OCI registry at OCI_BASE. */
import { OciPresenceChecker } from '../oci-presence-checker';
import { CheckerBed, checkerBed } from './checker-bed';
import { FakeOciRegistry } from './fake-registries';

export const OCI_BASE = 'https://registry.example.com';

export type OciCheckerBed = CheckerBed<OciPresenceChecker, FakeOciRegistry>;

/** Call in beforeEach. */
export function ociCheckerBed(): OciCheckerBed {
  return checkerBed(OciPresenceChecker, OCI_BASE, new FakeOciRegistry({ base: OCI_BASE, privateProjects: ['private'] }));
}
