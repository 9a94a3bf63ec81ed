/* Both strategies, and the one a check should use. */
import { Injectable, Provider, inject } from '@angular/core';
import { PresenceStrategy } from './choose-strategy';
import { HarborPresenceChecker } from './harbor-presence-checker';
import { OciPresenceChecker } from './oci-presence-checker';
import { PresenceChecker } from './presence-check';

@Injectable()
export class PresenceCheckers {
  private readonly oci = inject(OciPresenceChecker);
  private readonly harbor = inject(HarborPresenceChecker);

  forStrategy(strategy: PresenceStrategy): PresenceChecker {
    return strategy === 'harborRest' ? this.harbor : this.oci;
  }
}

export function providePresenceCheckers(): Provider[] {
  return [OciPresenceChecker, HarborPresenceChecker, PresenceCheckers];
}
