import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, InjectionToken, LOCALE_ID, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../data/translation.service';
import { provideTranslations } from '../data/provide-translations';
import { I18nModule } from './i18n.module';
import { prepareMessages } from '../domain/prepare-messages';

const ASSET_URL = new InjectionToken<string>('asset url');

@Component({
  selector: 'cse-pipe-host',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'app.title' | translate }}</h1>
    <p>{{ 'app.count' | translate: { n: count() } }}</p>
    <span>{{ 'app.pair' | translate: ['one', 'two'] }}</span>
    <em>{{ key() | translate }}</em>`,
})
class PipeHostComponent {
  readonly count = signal(1);
  readonly key = signal('');
}

/** The host page, read as a user reads it. */
class HostPage {
  constructor(private readonly fixture: ComponentFixture<PipeHostComponent>) {}
  text(selector: string): string {
    this.fixture.detectChanges();
    return (this.fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent ?? '';
  }
  showCount(count: number): void {
    this.fixture.componentInstance.count.set(count);
  }
  showKey(key: string): void {
    this.fixture.componentInstance.key.set(key);
  }
}

describe('TranslatePipe', () => {
  let http: HttpTestingController;
  let page: HostPage;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PipeHostComponent],
      providers: [
        { provide: LOCALE_ID, useValue: 'en' },
        { provide: ASSET_URL, useValue: '/plugin/assets' },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslations(ASSET_URL),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TranslationService).registerTranslations();
    page = new HostPage(TestBed.createComponent(PipeHostComponent));
  });

  function load(): void {
    http.expectOne('/plugin/assets/../i18n.json').flush({
      en: prepareMessages('en', {
        'app.title': 'Air gap',
        'app.count': '{n, plural, one {# image} other {# images}}',
        'app.pair': '{0} and {1}',
        'app.other': 'Other',
      }),
    });
  }

  describe('before the translations arrive', () => {
    it('shows nothing', () => {
      expect(page.text('h1')).toBe('');
    });
  });

  describe('when the translations arrive', () => {
    it('shows the message in an OnPush view', () => {
      page.text('h1');
      load();
      expect(page.text('h1')).toBe('Air gap');
    });

    it('formats the parameters', () => {
      load();
      expect(page.text('p')).toBe('1 image');
    });

    it('formats positional parameters given as an array', () => {
      load();
      expect(page.text('span')).toBe('one and two');
    });
  });

  describe('when the parameters or the key change', () => {
    it('formats the new parameters', () => {
      load();
      page.text('p');
      page.showCount(3);
      expect(page.text('p')).toBe('3 images');
    });

    it('shows the message of the new key', () => {
      load();
      expect(page.text('em')).toBe('');
      page.showKey('app.other');
      expect(page.text('em')).toBe('Other');
    });
  });
});
