/* Which checker the stored access path calls for, and how to reach the registry with it. */
import { AccessPath, accessBaseUrl } from '../../registry/domain/access-path';
import { chooseStrategy } from '../data/choose-strategy';
import { CheckOptions, PresenceChecker } from '../data/presence-check';
import { PresenceCheckers } from '../data/presence-checkers';

export interface CheckContext {
  readonly checker: PresenceChecker;
  readonly options: CheckOptions;
}

export function checkContextFor(
  checkers: PresenceCheckers,
  access: { readonly path: AccessPath; readonly harbor: boolean } | undefined,
  base: string | undefined,
  apiRootUrl: string,
): CheckContext | undefined {
  if (!access || base === undefined) return undefined;
  return {
    checker: checkers.forStrategy(chooseStrategy({ harbor: access.harbor, access: access.path.kind })),
    options: { access: { baseUrl: accessBaseUrl(access.path, apiRootUrl), project: base.split('/')[1] ?? '' } },
  };
}
