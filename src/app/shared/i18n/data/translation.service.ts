/*
 * The plug-in's translations: i18n.json, fetched once from beside the plug-in's assets with the
 * plug-in's own HttpClient, then every message formatted by the plug-in's MessageCatalog. Replaces
 * the VCD SDK's i18n library, whose MessageFormat compiler was a sixth of the bundle; same method names, same
 * rules (preferred locale = LOCALE_ID, fallback English, "?key" for a missing key, a file that
 * does not load leaves every key showing as "?key").
 */
import { HttpClient } from '@angular/common/http';
import { Inject, Injectable, InjectionToken, LOCALE_ID, inject } from '@angular/core';
import { Observable, ReplaySubject, catchError, map, of } from 'rxjs';
import { MessageCatalog, type TranslationSet } from '../domain';

/** The URL of the combined i18n.json (`{ "en": {…}, "fr": {…} }`). */
export const TRANSLATIONS_URL = new InjectionToken<string>('cse-airgap.translations-url');

@Injectable()
export class TranslationService {
  private readonly http = inject(HttpClient, { optional: true });
  private readonly url = inject(TRANSLATIONS_URL, { optional: true });
  private readonly catalog: MessageCatalog;
  /** Emits each time messages arrive; replays the last time to late subscribers. */
  private readonly registered = new ReplaySubject<void>(1);

  constructor(@Inject(LOCALE_ID) locale: string) {
    this.catalog = new MessageCatalog(locale);
  }

  /** Adds the given messages, or (without any) fetches i18n.json from TRANSLATIONS_URL. */
  registerTranslations(set?: TranslationSet): void {
    if (set) return this.add(set);
    const { http, url } = this;
    if (!http || !url) throw new Error('No translations to register: provideTranslations() gives i18n.json its URL');
    http
      .get<unknown>(url)
      .pipe(
        catchError(() => {
          console.warn(`Could not load the translations at ${url}`);
          return of({});
        }),
      )
      .subscribe((loaded) => this.add(loaded !== null && typeof loaded === 'object' ? (loaded as TranslationSet) : {}));
  }

  /** The message now (an empty set shows "?key"). */
  translate(key: string, params?: readonly unknown[]): string {
    return this.catalog.translate(key, params);
  }

  /** The message once translations are registered, and again each time more arrive. */
  translateAsync(key: string, params?: readonly unknown[]): Observable<string> {
    return this.registered.pipe(map(() => this.catalog.translate(key, params)));
  }

  private add(set: TranslationSet): void {
    this.catalog.add(set);
    this.registered.next();
  }
}
