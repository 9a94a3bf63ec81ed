// What Harbor keeps in its database and the registry cannot tell: integer ids, creation and push
// times. Harbor's core sees every push because it sits in the push path; here the front door's
// proxy reports each manifest it stored (`recordPush`). Something first seen without a recorded
// push (pushed before this file existed) gets the time it was first seen. Kept in a JSON file next
// to the registry's storage, so ids and times survive restarts and go away with a reset.
import { StateStore } from '../../lib/state.js';

interface RepositoryRow {
  id: number;
  creationTime: string;
  updateTime: string;
}

interface PushRow {
  id: number;
  pushTime: string;
}

interface TagRow extends PushRow {
  digest: string;
}

export interface HarborDbData {
  createdAt: string;
  nextId: number;
  repositories: Record<string, RepositoryRow>;
  /** Keyed by `<repository>@<digest>`. */
  artifacts: Record<string, PushRow>;
  /** Keyed by `<repository>:<tag>`. */
  tags: Record<string, TagRow>;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface ArtifactKey {
  repository: string;
  digest: string;
  tags: readonly string[];
}

export class HarborDb {
  private constructor(private readonly store: StateStore<HarborDbData>) {}

  /** Waits for the pushes recorded so far to be written. */
  flush(): Promise<void> {
    return this.store.settled();
  }

  static async open(file: string): Promise<HarborDb> {
    const now = new Date().toISOString();
    return new HarborDb(
      await StateStore.open<HarborDbData>(file, () => ({ createdAt: now, nextId: 1, repositories: {}, artifacts: {}, tags: {} }), {
        reset: false,
      }),
    );
  }

  get createdAt(): string {
    return this.store.get().createdAt;
  }

  /** A manifest the registry accepted (`PUT /v2/<name>/manifests/<reference>` → 201). */
  recordPush(repository: string, reference: string, digest: string, at = new Date()): Promise<void> {
    const time = at.toISOString();
    return this.store.update((db) => {
      const repo = ensureRepository(db, repository, time);
      repo.updateTime = time;
      const artifact = (db.artifacts[`${repository}@${digest}`] ??= { id: db.nextId++, pushTime: time });
      artifact.pushTime = time;
      if (!DIGEST.test(reference)) {
        const tag = db.tags[`${repository}:${reference}`];
        if (tag?.digest === digest) tag.pushTime = time;
        else db.tags[`${repository}:${reference}`] = { id: tag?.id ?? db.nextId++, pushTime: time, digest };
      }
    });
  }

  /** Makes sure every repository, artifact and tag has a row; writes only when one was missing. */
  async ensure(repositories: readonly string[], artifacts: readonly ArtifactKey[] = []): Promise<void> {
    const db = this.store.get();
    const missing =
      repositories.some((name) => !db.repositories[name]) ||
      artifacts.some(
        (artifact) =>
          !db.artifacts[`${artifact.repository}@${artifact.digest}`] ||
          artifact.tags.some((tag) => db.tags[`${artifact.repository}:${tag}`]?.digest !== artifact.digest),
      );
    if (!missing) return;
    const time = new Date().toISOString();
    await this.store.update((draft) => {
      for (const name of repositories) ensureRepository(draft, name, time);
      for (const artifact of artifacts) {
        ensureRepository(draft, artifact.repository, time);
        draft.artifacts[`${artifact.repository}@${artifact.digest}`] ??= { id: draft.nextId++, pushTime: time };
        for (const tag of artifact.tags) {
          const row = draft.tags[`${artifact.repository}:${tag}`];
          if (row?.digest !== artifact.digest) {
            draft.tags[`${artifact.repository}:${tag}`] = { id: row?.id ?? draft.nextId++, pushTime: time, digest: artifact.digest };
          }
        }
      }
    });
  }

  repository(name: string): RepositoryRow {
    return this.row(this.store.get().repositories[name], name);
  }

  artifact(repository: string, digest: string): PushRow {
    return this.row(this.store.get().artifacts[`${repository}@${digest}`], `${repository}@${digest}`);
  }

  tag(repository: string, tag: string): TagRow {
    return this.row(this.store.get().tags[`${repository}:${tag}`], `${repository}:${tag}`);
  }

  private row<T>(row: T | undefined, key: string): T {
    if (!row) throw new Error(`no row for ${key}: call ensure() first`);
    return row;
  }
}

function ensureRepository(db: HarborDbData, name: string, time: string): RepositoryRow {
  return (db.repositories[name] ??= { id: db.nextId++, creationTime: time, updateTime: time });
}
