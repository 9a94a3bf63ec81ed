/*
 * Airgap → Certificates → "use the CA Harbor serves": when the registry check found Harbor, fetch
 * the CA Harbor hands over (systeminfo/getcert, through the access path), label it with its
 * fingerprint and whether it signs the chain the registry served, and on one click pass it on as
 * an input — the same reading, verdicts and proof as an uploaded file.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, Output, effect, inject, signal, untracked } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { AccessPath } from '../../registry/domain';
import { untilDestroyed } from '../../shared/rx';
import { RegistryCheckState, ServedChain } from '../../shared/session-state';
import { HarborCaService } from '../data/harbor-ca.service';
import { classifyCertificates, proveTrust, readCertificateInput } from '../domain';
import { HARBOR_CA_FILE_NAME, HARBOR_CA_PATH, HarborCaAnswer } from '../domain/harbor-ca';
import { RawInput } from './certificate-input.component';

type View =
  | { readonly state: 'loading' }
  | { readonly state: 'found'; readonly subject: string; readonly fingerprint: string; readonly signs?: boolean; readonly host?: string }
  | { readonly state: 'unreadable' }
  | { readonly state: Exclude<HarborCaAnswer['kind'], 'found'>; readonly status?: number; readonly size?: number };

@Component({
  selector: 'cse-harbor-ca',
  standalone: true,
  imports: [I18nModule],
  providers: [HarborCaService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (view(); as current) {
      <div class="harbor-ca" data-test="harbor-ca" [attr.data-state]="current.state">
        @switch (current.state) {
          @case ('loading') {
            <p><span class="spinner spinner-inline"></span> {{ 'certificates.harborCa.loading' | translate: { path: path } }}</p>
          }
          @case ('found') {
            <p data-test="harbor-ca-label">
              {{ 'certificates.harborCa.found' | translate: { subject: $any(current).subject, fingerprint: $any(current).fingerprint } }}
              @if ($any(current).signs === true) {
                <span class="label label-success" data-test="harbor-ca-signs">{{
                  'certificates.harborCa.signs' | translate: { host: $any(current).host }
                }}</span>
              } @else if ($any(current).signs === false) {
                <span class="label label-warning" data-test="harbor-ca-does-not-sign">{{
                  'certificates.harborCa.doesNotSign' | translate: { host: $any(current).host }
                }}</span>
              } @else {
                <span class="label" data-test="harbor-ca-no-chain">{{ 'certificates.harborCa.noChain' | translate }}</span>
              }
            </p>
            <button type="button" class="btn btn-sm btn-primary" data-test="harbor-ca-use" (click)="useIt()">
              {{ 'certificates.harborCa.use' | translate }}
            </button>
          }
          @default {
            <p class="warning" data-test="harbor-ca-problem">
              {{
                'certificates.harborCa.problem.' + current.state
                  | translate: { path: path, status: $any(current).status ?? 0, size: $any(current).size ?? 0 }
              }}
            </p>
          }
        }
      </div>
    }
  `,
})
export class HarborCaComponent {
  /** The CA as an input of the certificate reader, like a dropped file. */
  @Output() readonly use = new EventEmitter<readonly RawInput[]>();

  private readonly service = inject(HarborCaService);
  private readonly checkState = inject(RegistryCheckState);
  private readonly destroyRef = inject(DestroyRef);
  private bytes?: Uint8Array;
  private run = 0;
  readonly path = HARBOR_CA_PATH;
  readonly view = signal<View | undefined>(undefined);

  constructor() {
    // A registry check that finds Harbor (again) fetches its CA; the served chain labels it.
    effect(() => {
      const reach = this.checkState.reach();
      const chain = this.checkState.chain();
      untracked(() => (reach?.harbor ? this.fetch(reach.path, chain) : this.view.set(undefined)));
    });
  }

  useIt(): void {
    if (this.bytes) this.use.emit([{ bytes: this.bytes, name: HARBOR_CA_FILE_NAME }]);
  }

  private fetch(access: AccessPath, chain: ServedChain | undefined): void {
    const run = ++this.run;
    this.view.set({ state: 'loading' });
    this.service
      .fetch(access)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((answer) => {
        if (answer.kind !== 'found') {
          if (run === this.run)
            this.view.set({
              state: answer.kind,
              ...('status' in answer ? { status: answer.status } : {}),
              ...('size' in answer ? { size: answer.size } : {}),
            });
          return;
        }
        void this.label(answer.bytes, chain).then((view) => run === this.run && this.view.set(view));
      });
  }

  private async label(bytes: Uint8Array, chain: ServedChain | undefined): Promise<View> {
    const reading = await readCertificateInput({ bytes, name: HARBOR_CA_FILE_NAME });
    const [first] = reading.certificates;
    if (!first || reading.containedPrivateKey) return { state: 'unreadable' };
    const now = new Date();
    const [classified] = await classifyCertificates([first.pem], now);
    if (!classified) return { state: 'unreadable' };
    this.bytes = bytes;
    const proof = chain ? await proveTrust(chain.pems, [first.pem], chain.host, now) : undefined;
    return {
      state: 'found',
      subject: classified.summary.subject,
      fingerprint: classified.summary.sha256Fingerprint,
      ...(proof && chain ? { signs: proof.trusted, host: chain.host } : {}),
    };
  }
}
