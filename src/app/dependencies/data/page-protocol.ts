// Which protocol the page talks to a host, from what the browser recorded: a check sends more
// requests at once where one connection multiplexes them (HTTP/2, HTTP/3).

/**
 * The protocol the page talks to the host of `url` ('h2' or 'h3' when it multiplexes), from what
 * the browser recorded: the last Resource Timing entry of `url` — or, for a URL of the page's own
 * origin (VCD's /ext-api), the page's navigation entry, which is the very hop the requests ride
 * on and is never lost to a full Resource Timing buffer (VCD's portal loads hundreds of files).
 */
export function resourceTimingProtocol(url: string): string | undefined {
  const timing = globalThis.performance;
  const entries = timing?.getEntriesByName?.(url) ?? [];
  const last = entries[entries.length - 1] as PerformanceResourceTiming | undefined;
  if (last?.nextHopProtocol) return last.nextHopProtocol;
  if (!isPageOrigin(url)) return undefined;
  const navigation = timing?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return navigation?.nextHopProtocol || undefined;
}

function isPageOrigin(url: string): boolean {
  const page = globalThis.location;
  if (!page) return false;
  try {
    return new URL(url, page.href).origin === page.origin;
  } catch {
    return false;
  }
}

/** HTTP/2 or HTTP/3: many requests in flight on one connection, no 6-per-host cap. */
export function isMultiplexed(protocol: string | undefined): boolean {
  return protocol === 'h2' || protocol === 'h3' || protocol?.startsWith('h3-') === true;
}
