// The requests a check sent from the page, sent again from Node without a page: the project and
// the repository list's pages (one wave after another, as the checker reads them) and the artifact
// listings, `concurrency` at a time, each once the page that named its repository has answered
// (as the checker sends them), over the protocol the page negotiated. That is what
// the sandbox's /ext-api path (the VCD stand-in → the latency proxy → the registry's front door →
// the Harbor façade) allows by itself on this machine; the page's own time minus this is what the
// page adds (the plug-in, Angular, Chromium).
import { connect as connectHttp2 } from 'node:http2';
import { Agent, request as httpsRequest } from 'node:https';

export interface ReplayTarget {
  readonly portalUrl: string;
  readonly caPem: string;
  /** `Bearer …`: /ext-api takes any valid VCD session. */
  readonly authorization: string;
}

/** The page's requests by role, in the order the page sent them. */
export interface SentRequests {
  /** Waves of requests that went together: [project, first page of the repository list], [second page], … */
  readonly prerequisites: readonly (readonly string[])[];
  readonly listings: readonly string[];
  /** Per listing, the page of the repository list that named its repository (0 or absent: after the last page). */
  readonly listingPages?: readonly number[];
}

/** What a Harbor check's request is, from its path (query or not). */
export function roleOf(path: string): 'listing' | 'repositoryPage' | 'project' {
  const pathname = path.split('?')[0] ?? '';
  if (pathname.endsWith('/artifacts')) return 'listing';
  return pathname.endsWith('/repositories') ? 'repositoryPage' : 'project';
}

/** Sorts the paths a check sent into its prerequisite waves and its listings. */
export function sentRequests(paths: readonly string[]): SentRequests {
  const of = (role: ReturnType<typeof roleOf>): string[] => paths.filter((path) => roleOf(path) === role);
  const [firstPage, ...laterPages] = of('repositoryPage');
  return {
    prerequisites: [[...of('project'), ...(firstPage ? [firstPage] : [])], ...laterPages.map((page) => [page])],
    listings: of('listing'),
  };
}

export type Get = (path: string) => Promise<void>;

/** Sends `sent` with `get`: the waves one after another, each listing once its page has answered, `concurrency` listings at a time. */
export async function inWaves(get: Get, sent: SentRequests, concurrency: number): Promise<number> {
  const started = performance.now();
  const waves = sent.prerequisites.length;
  const waveOf = (index: number): number => {
    const page = sent.listingPages?.[index] ?? 0;
    return page >= 1 ? Math.min(page, waves) : waves;
  };
  const ready: string[] = [];
  let answered = 0;
  let wakeUps: (() => void)[] = [];
  const reading = (async (): Promise<void> => {
    for (const wave of sent.prerequisites) {
      await Promise.all(wave.map(get));
      answered += 1;
      sent.listings.forEach((path, index) => {
        if (waveOf(index) === answered) ready.push(path);
      });
      const waiting = wakeUps;
      wakeUps = [];
      waiting.forEach((wake) => wake());
    }
  })();
  const worker = async (): Promise<void> => {
    for (;;) {
      const path = ready.shift();
      if (path !== undefined) await get(path);
      else if (answered === waves) return;
      else await new Promise<void>((wake) => wakeUps.push(wake));
    }
  };
  await Promise.all([reading, ...Array.from({ length: Math.min(concurrency, sent.listings.length) }, worker)]);
  return performance.now() - started;
}

/** Wall time of the replay, ms. */
export async function replayFromNode(target: ReplayTarget, sent: SentRequests, protocol: string, concurrency: number): Promise<number> {
  const headers = { authorization: target.authorization, accept: 'application/json' };
  const fail = (path: string, status: number | undefined): Error => new Error(`replay: ${path} answered ${status}`);
  if (protocol === 'h2') {
    const session = connectHttp2(target.portalUrl, { ca: target.caPem });
    try {
      const get: Get = (path) =>
        new Promise((resolve, reject) => {
          const stream = session.request({ ':path': path, ...headers });
          stream.on('response', (answer) => {
            if (answer[':status'] !== 200) reject(fail(path, answer[':status']));
          });
          stream.on('data', () => undefined);
          stream.on('end', () => resolve());
          stream.on('error', reject);
          stream.end();
        });
      return await inWaves(get, sent, concurrency);
    } finally {
      session.close();
    }
  }
  const agent = new Agent({ ca: target.caPem, keepAlive: true, maxSockets: concurrency });
  try {
    const get: Get = (path) =>
      new Promise((resolve, reject) => {
        const request = httpsRequest(new URL(path, target.portalUrl), { agent, headers }, (answer) => {
          if (answer.statusCode !== 200) reject(fail(path, answer.statusCode));
          answer.resume();
          answer.on('end', () => resolve());
        });
        request.on('error', reject);
        request.end();
      });
    return await inWaves(get, sent, concurrency);
  } finally {
    agent.destroy();
  }
}
