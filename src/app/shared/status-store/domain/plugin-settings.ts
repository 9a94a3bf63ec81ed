/*
 * The provider's choices the plug-in keeps in its 'system' status entity (`settings`): where the
 * catalog's images are copied from, and whether the CSE server has been restarted since the
 * registry URL was saved (CSE reads vcdKeConfig at start: docs/domain-airgap.md §6). Pure.
 */

export interface PluginSettings {
  /** host[:port] the documented registry's images are copied from; absent: the documented one. */
  readonly sourceRegistry?: string;
  /** When a provider last saved the registry URL through the plug-in, and which one. */
  readonly registrySavedAt?: string;
  readonly registrySavedUrl?: string;
  /** When a provider said the CSE server was restarted after that. */
  readonly restartDoneAt?: string;
}

export interface PendingRestart {
  readonly savedAt: string;
  readonly url: string;
}

/** A save of this URL that no restart has followed yet. */
export function pendingRestart(settings: PluginSettings | undefined, currentUrl: string): PendingRestart | undefined {
  const savedAt = settings?.registrySavedAt;
  const url = settings?.registrySavedUrl;
  if (savedAt === undefined || url === undefined || url !== currentUrl) return undefined;
  const doneAt = settings?.restartDoneAt;
  return doneAt !== undefined && Date.parse(doneAt) >= Date.parse(savedAt) ? undefined : { savedAt, url };
}

/** The value of `settings` after a save of the registry URL. */
export function afterRegistrySaved(settings: PluginSettings | undefined, url: string, now: Date): PluginSettings {
  return { ...settings, registrySavedAt: now.toISOString(), registrySavedUrl: url };
}

export function afterRestartDone(settings: PluginSettings | undefined, now: Date): PluginSettings {
  return { ...settings, restartDoneAt: now.toISOString() };
}

/** The stored value if it has this shape; unknown fields are dropped. */
export function readPluginSettings(value: unknown): PluginSettings | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const text = (key: keyof PluginSettings): Partial<PluginSettings> =>
    typeof record[key] === 'string' ? { [key]: record[key] as string } : {};
  return { ...text('sourceRegistry'), ...text('registrySavedAt'), ...text('registrySavedUrl'), ...text('restartDoneAt') };
}
