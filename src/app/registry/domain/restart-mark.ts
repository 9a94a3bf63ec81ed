/*
 * After a save of the registry URL, CSE uses it only once the CSE server has restarted (it reads
 * vcdKeConfig at start: docs/domain.md#cse-restart). The mark says which URL was saved when, and
 * when the provider said the restart was done. It is kept in this browser (docs/domain.md#browser-settings),
 * so it is read defensively: what does not have this shape is dropped. Pure.
 */
import { readIsoTime } from '../../shared/browser-settings/domain';
import { validateRegistryUrl } from './registry-url';

/** The browser settings section that holds the mark. */
export const RESTART_MARK_SECTION = 'registryRestart';

export interface RestartMark {
  /** The registry URL saved through the plug-in (a valid base: never credentials). */
  readonly url: string;
  readonly savedAt: string;
  /** When the provider said the CSE server was restarted after that. */
  readonly restartDoneAt?: string;
}

export interface PendingRestart {
  readonly savedAt: string;
  readonly url: string;
}

/** A save of this URL that no restart has followed yet. */
export function pendingRestart(mark: RestartMark | undefined, currentUrl: string): PendingRestart | undefined {
  if (mark === undefined || mark.url !== currentUrl) return undefined;
  const { savedAt, restartDoneAt } = mark;
  return restartDoneAt !== undefined && Date.parse(restartDoneAt) >= Date.parse(savedAt) ? undefined : { savedAt, url: mark.url };
}

export function afterRegistrySaved(url: string, now: Date): RestartMark {
  return { url, savedAt: now.toISOString() };
}

export function afterRestartDone(mark: RestartMark, now: Date): RestartMark {
  return { ...mark, restartDoneAt: now.toISOString() };
}

/** The stored mark if it has this shape, else undefined; unknown fields are dropped. */
export function readRestartMark(value: unknown): RestartMark | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Readonly<Record<string, unknown>>;
  const url = record['url'];
  const savedAt = readIsoTime(record['savedAt']);
  if (typeof url !== 'string' || savedAt === undefined) return undefined;
  const validation = validateRegistryUrl(url);
  if (!validation.valid || validation.parsed.value !== url) return undefined;
  if (record['restartDoneAt'] === undefined) return { url, savedAt };
  const restartDoneAt = readIsoTime(record['restartDoneAt']);
  return restartDoneAt === undefined ? undefined : { url, savedAt, restartDoneAt };
}
