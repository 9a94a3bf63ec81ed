/* Stands in for the Airgap page in the registry settings specs: it hands the saved document back in, as the page does. */
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { CseConfigDocument, WriteAccess } from '../../shared/cse-config';
import { RegistrySettingsComponent } from '../ui/registry-settings.component';

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
