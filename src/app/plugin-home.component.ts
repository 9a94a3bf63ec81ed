/*
 * What the plug-in's route shows: the provider's page (Container Registry Settings, Airgap,
 * Organizations), or for a tenant his organization's Registry status page. A tenant who opens a
 * provider-only address (a bookmark of the Organizations or Clusters tab) is told so and sees his own page.
 */
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { AirgapPageComponent, AirgapTab } from './airgap-page.component';
import { TenantStatusPageComponent } from './tenant';
import { VCD_SESSION } from './vcd';

@Component({
  selector: 'cse-plugin-home',
  standalone: true,
  imports: [AirgapPageComponent, TenantStatusPageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (isTenant) {
      <cse-tenant-status-page [providerOnlyRoute]="tab === 'organizations' || tab === 'clusters'" />
    } @else {
      <cse-airgap-page [initialTab]="tab" />
    }
  `,
})
export class PluginHomeComponent {
  readonly isTenant = inject(VCD_SESSION).scope === 'tenant';
  readonly tab: AirgapTab = (inject(ActivatedRoute).snapshot.data['tab'] as AirgapTab | undefined) ?? 'registrySettings';
}
