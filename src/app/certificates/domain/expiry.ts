/* How a stored certificate's expiry stands against the 30-day warning window: one rule for every view. */
import type { TrustedCertificateFacts } from '../../shared/status-store/domain';
import { EXPIRY_WARNING_DAYS } from './classification';

const DAY_MS = 86_400_000;

export type FactsExpiry = 'expired' | 'expiresSoon' | 'valid';

/**
 * How a stored certificate stands at `now`: expired, expiring within EXPIRY_WARNING_DAYS, or valid,
 * with the whole days left (rounded up; 0 or less once expired).
 */
export function expiryOf(
  facts: Pick<TrustedCertificateFacts, 'notAfter'>,
  now: Date,
): { readonly state: FactsExpiry; readonly days: number } {
  const left = Date.parse(facts.notAfter) - now.getTime();
  const days = Math.ceil(left / DAY_MS);
  return { state: left <= 0 ? 'expired' : days <= EXPIRY_WARNING_DAYS ? 'expiresSoon' : 'valid', days };
}
