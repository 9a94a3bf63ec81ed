/*
 * A translation double for component specs: every text is `{"key":…,"params":[…]}`, so a spec asserts
 * which message a user would read and with which values, not the English. Same output as
 * the VCD SDK's MockTranslationService, which the specs were written against.
 */
import { Injectable } from '@angular/core';
import { BehaviorSubject, Observable } from 'rxjs';
import type { TranslationService } from '../data/translation.service';

type Translations = Pick<TranslationService, 'translate' | 'translateAsync' | 'registerTranslations'>;

@Injectable()
export class MockTranslationService implements Translations {
  registerTranslations(): void {
    // Nothing to load: the texts are the keys.
  }

  translate(key: string, params?: readonly unknown[]): string {
    return JSON.stringify({ key, params });
  }

  translateAsync(key: string, params?: readonly unknown[]): Observable<string> {
    return new BehaviorSubject(this.translate(key, params));
  }
}
