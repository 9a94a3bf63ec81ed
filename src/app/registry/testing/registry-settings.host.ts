/*
 * Stands in for the Airgap page in the registry settings specs: it hands the saved document back in,
 * as the page does, and provides what the page's module provides around the settings.
 */
import { HttpBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, EnvironmentProviders, Provider, signal } from '@angular/core';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { provideBrowserStorage } from '../../shared/browser-settings/testing/memory-storage';
import { CseConfigDocument, CseConfigRepository, WriteAccess } from '../../shared/cse-config';
import { AUTH_TOKEN_HOLDER, ApiVersionService, CloudApiClient, VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { vcdApiInterceptor } from '../../vcd/vcd-api.interceptor';
import { vcdTimeoutInterceptor } from '../../vcd/vcd-timeout.interceptor';
import { RestartMarkService } from '../data/restart-mark.service';
import { RegistrySettingsComponent } from '../ui/registry-settings.component';
import { provideEnglish } from './english';

/**
 * A provider's session whose VCD answers come from `vcd`, this browser's `storage` (an empty one by
 * default, `null` for none) and the messages (English by default).
 */
export function registrySettingsProviders(
  vcd: HttpBackend,
  storage?: Storage | null,
  messages: Provider = provideEnglish(),
): (Provider | EnvironmentProviders)[] {
  return [
    { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
    { provide: AUTH_TOKEN_HOLDER, useValue: { jwt: 'test-jwt' } },
    provideHttpClient(withInterceptors([vcdTimeoutInterceptor, vcdApiInterceptor])),
    { provide: HttpBackend, useValue: vcd },
    ApiVersionService,
    CloudApiClient,
    CseConfigRepository,
    BrowserSettingsStore,
    RestartMarkService,
    provideBrowserStorage(storage),
    messages,
  ];
}

@Component({
  standalone: true,
  imports: [RegistrySettingsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (document(); as current) {
      <cse-registry-settings [document]="current" [access]="access()" (saved)="document.set($event)" />
    }
  `,
})
export class PageHostComponent {
  readonly document = signal<CseConfigDocument | undefined>(undefined);
  readonly access = signal<WriteAccess>({ canWrite: true });
}
