// Reading a Harbor listing page by page (`page=N&page_size=100`), as the repository list and the
// artifact listings are read: bounded by MAX_LISTING_PAGES whatever `X-Total-Count` claims.
import { CheckFailed, CheckRun, RegistryAnswer, RegistryRequest } from './check-run';
import { hasNextPage } from './harbor-listing';
import { MAX_LISTING_PAGES } from './presence-check';

/** Every page that was read; `end` says why the reading stopped. */
export interface Pages<T> {
  readonly items: readonly T[];
  readonly end: 'lastPage' | 'cap' | CheckFailed;
}

/**
 * The pages after `first`, one at a time, until a short or empty page, all that `X-Total-Count`
 * counts, `isEnough`, or MAX_LISTING_PAGES pages in all. A page that fails ends the reading.
 * `onPage` gets each page's items, `first` included, once the next page is on its way (so that
 * what it starts never holds that page back) or the reading has ended.
 */
export async function readPages<T>(
  run: CheckRun,
  first: readonly T[],
  firstAnswer: RegistryAnswer,
  requestOf: (page: number) => RegistryRequest,
  read: (body: string) => T[] | undefined,
  isEnough: (items: readonly T[]) => boolean = () => false,
  onPage: (items: readonly T[]) => void = () => undefined,
): Promise<Pages<T>> {
  const items = [...first];
  let unseen: readonly T[] = first;
  const ended = (end: Pages<T>['end']): Pages<T> => {
    onPage(unseen);
    return { items, end };
  };
  let last = { length: first.length, totalCount: firstAnswer.headers.get('X-Total-Count') };
  for (let page = 2; hasNextPage(last.length, items.length, last.totalCount) && !isEnough(items); page++) {
    if (page > MAX_LISTING_PAGES) return ended('cap');
    const answering = run.send(requestOf(page));
    onPage(unseen);
    unseen = [];
    let answer: RegistryAnswer;
    try {
      answer = await answering;
    } catch (error) {
      if (error instanceof CheckFailed) return ended(error);
      throw error;
    }
    if (answer.status !== 200) return ended(new CheckFailed({ kind: 'http', status: answer.status }));
    const pageItems = read(answer.body);
    if (!pageItems) return ended(new CheckFailed({ kind: 'unreadableAnswer', status: answer.status }));
    // One by one: a hostile page of a million items must not overflow the stack of a spread push.
    for (const item of pageItems) items.push(item);
    unseen = pageItems;
    last = { length: pageItems.length, totalCount: answer.headers.get('X-Total-Count') };
  }
  return ended('lastPage');
}
