import { expiryOf } from './expiry';

describe('expiryOf', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const at = (iso: string): { notAfter: string } => ({ notAfter: iso });

  it('is expired at and after notAfter', () => {
    expect(expiryOf(at('2026-11-22T12:00:00Z'), now)).toEqual({ state: 'expired', days: 0 });
    expect(expiryOf(at('2026-11-01T00:00:00Z'), now).state).toBe('expired');
  });

  it('expires soon within 30 days, counting a started day as a whole one', () => {
    expect(expiryOf(at('2026-12-22T12:00:00Z'), now)).toEqual({ state: 'expiresSoon', days: 30 });
    expect(expiryOf(at('2026-11-22T13:00:00Z'), now)).toEqual({ state: 'expiresSoon', days: 1 });
  });

  it('is valid beyond 30 days', () => {
    expect(expiryOf(at('2026-12-22T12:00:01Z'), now)).toEqual({ state: 'valid', days: 31 });
  });
});
