/* Finds and reads CSE's `vcdKeConfig` entity through the cloudapi. */
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CloudApiClient } from '../../../vcd';
import { CseConfigLookup, JsonObject, VCDKE_CONFIG_NAME, VCDKE_CONFIG_TYPE, lookupFromEntities } from '../domain/vcdke-config';

@Injectable()
export class CseConfigRepository {
  private readonly cloudApi = inject(CloudApiClient);

  /** CSE expects exactly one entity with this name; any other count is reported, not guessed. */
  lookup(): Observable<CseConfigLookup> {
    return this.cloudApi
      .listAllEntitiesByType<JsonObject>(VCDKE_CONFIG_TYPE, { filter: `name==${VCDKE_CONFIG_NAME}` })
      .pipe(map((entities) => lookupFromEntities(entities)));
  }
}
