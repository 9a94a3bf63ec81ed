/* Whether the user may change CSE's registry settings, and if not, the reason to show. */
import { SessionScope } from '../../../vcd';
import { CseConfigLookup } from './vcdke-config';

/**
 * The VCDKEConfig rights that allow a write. VCD creates five rights per RDE type: View, Modify,
 * Full Access, Administrator View, Administrator Full access (spelled so; compared ignoring case).
 */
export const VCDKE_CONFIG_WRITE_RIGHTS: readonly string[] = [
  'vmware:VCDKEConfig: Modify',
  'vmware:VCDKEConfig: Full Access',
  'vmware:VCDKEConfig: Administrator Full access',
];

const WRITE_RIGHTS = new Set(VCDKE_CONFIG_WRITE_RIGHTS.map((right) => right.toLowerCase()));

export type WriteAccess =
  | { readonly canWrite: true }
  | { readonly canWrite: false; readonly reason: 'tenant' | 'missingRight' | 'rightsUnknown' | 'missing' }
  | { readonly canWrite: false; readonly reason: 'ambiguous'; readonly count: number };

export function writeAccess(scope: SessionScope, rights: ReadonlySet<string> | undefined, lookup: CseConfigLookup): WriteAccess {
  if (scope === 'tenant') return { canWrite: false, reason: 'tenant' };
  if (lookup.kind === 'missing') return { canWrite: false, reason: 'missing' };
  if (lookup.kind === 'ambiguous') return { canWrite: false, reason: 'ambiguous', count: lookup.count };
  if (!rights) return { canWrite: false, reason: 'rightsUnknown' };
  return [...rights].some((right) => WRITE_RIGHTS.has(right.toLowerCase()))
    ? { canWrite: true }
    : { canWrite: false, reason: 'missingRight' };
}
