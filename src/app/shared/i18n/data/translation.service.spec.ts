import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { InjectionToken, LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { prepareMessages } from '../domain/prepare-messages';
import { provideTranslations } from './provide-translations';
import { TranslationService } from './translation.service';

const ASSET_URL = new InjectionToken<string>('asset url');
const ASSETS = 'https://vcd.example/tenant/plugins/airgap/assets';
const I18N_JSON = `${ASSETS}/../i18n.json`;
/** i18n.json as the asset build writes it: prepared messages. */
const FILE = {
  en: prepareMessages('en', {
    'app.title': 'Air gap',
    'app.only': 'English only',
    'app.count': '{n, plural, one {# image} other {# images}}',
  }),
  fr: prepareMessages('fr', { 'app.title': 'Isolement', 'app.count': '{n, plural, one {# image} other {# images}}' }),
};

describe('TranslationService', () => {
  describe('with provideTranslations', () => {
    let http: HttpTestingController;
    let service: TranslationService;

    /** The plug-in module's start: registerTranslations() with the session's locale; returns the i18n.json request. */
    function start(locale: string): TestRequest {
      TestBed.configureTestingModule({
        providers: [
          { provide: LOCALE_ID, useValue: locale },
          { provide: ASSET_URL, useValue: ASSETS },
          provideHttpClient(),
          provideHttpClientTesting(),
          provideTranslations(ASSET_URL),
        ],
      });
      http = TestBed.inject(HttpTestingController);
      service = TestBed.inject(TranslationService);
      service.registerTranslations();
      return http.expectOne(I18N_JSON);
    }

    afterEach(() => http.verify());

    describe('when i18n.json loads', () => {
      it('fetches it once, from beside the asset folder, however many messages are shown', () => {
        const request = start('fr');
        request.flush(FILE);
        service.translate('app.title');
        service.translateAsync('app.count', [{ n: 2 }]).subscribe();
        expect(request.request.method).toBe('GET');
        http.expectNone(I18N_JSON);
      });

      it("shows the session locale's message", () => {
        start('fr').flush(FILE);
        expect(service.translate('app.count', [{ n: 0 }])).toBe('0 image');
      });

      it('falls back to English for a key the locale lacks', () => {
        start('fr').flush(FILE);
        expect(service.translate('app.only')).toBe('English only');
      });

      it('falls back to English for a locale the file lacks', () => {
        start('de').flush(FILE);
        expect(service.translate('app.title')).toBe('Air gap');
      });

      it('shows "?key" for a key no locale has', () => {
        start('en').flush(FILE);
        expect(service.translate('app.unknown')).toBe('?app.unknown');
      });

      it('gives a waiting subscriber the message when the file arrives', () => {
        const request = start('en');
        const seen: string[] = [];
        service.translateAsync('app.count', [{ n: 1 }]).subscribe((text) => seen.push(text));
        expect(seen).toEqual([]);
        request.flush(FILE);
        expect(seen).toEqual(['1 image']);
      });
    });

    describe('when i18n.json does not load', () => {
      const failures: readonly (readonly [what: string, fail: (request: TestRequest) => void])[] = [
        ['a 404', (request) => request.flush('not here', { status: 404, statusText: 'Not Found' })],
        ['a network error', (request) => request.error(new ProgressEvent('error'))],
        ['a body that is not an object', (request) => request.flush('"oops"')],
      ];
      for (const [what, fail] of failures) {
        it(`shows every key as "?key" after ${what}`, () => {
          spyOn(console, 'warn');
          const request = start('en');
          const seen: string[] = [];
          service.translateAsync('app.title').subscribe((text) => seen.push(text));
          fail(request);
          expect(seen).toEqual(['?app.title']);
        });
      }
    });
  });

  describe('without provideTranslations', () => {
    let service: TranslationService;

    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: 'en' }, TranslationService] });
      service = TestBed.inject(TranslationService);
    });

    it('shows registered messages to subscribers, and the newer ones when more arrive', () => {
      const seen: string[] = [];
      service.registerTranslations({ en: { 'app.title': 'Air gap' } });
      service.translateAsync('app.title').subscribe((text) => seen.push(text));
      service.registerTranslations({ en: { 'app.title': 'Air gap, renamed' } });
      expect(seen).toEqual(['Air gap', 'Air gap, renamed']);
    });

    it('refuses to load a file it has no URL for', () => {
      expect(() => service.registerTranslations()).toThrowError(/provideTranslations/);
    });
  });
});
