import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';

import { CseConfigDocument, CseConfigRepository } from '../../shared/cse-config';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { makeCa, makeLeaf } from '../testing/test-pki';
import { CertificatesSectionComponent } from './certificates-section.component';
import { RegistryCheckState } from '../../shared/session-state';

const ENTITY_URL = 'https://vcd.example.com/cloudapi/1.0.0/entities/urn:vcloud:entity:vmware:VCDKEConfig:1';

function documentWith(bootstrap: string[], nodes: string[]): CseConfigDocument {
  const entity = {
    profiles: [
      {
        containerRegistryUrl: 'harbor.corp.local/cse',
        bootstrapClusterConfig: { certificateAuthorities: bootstrap },
        K8Config: { certificateAuthorities: nodes },
      },
    ],
  };
  return {
    entity: {
      id: 'urn:vcloud:entity:vmware:VCDKEConfig:1',
      name: 'vcdKeConfig',
      entityType: 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0',
      entity,
    },
    etag: '"v1"',
    settings: { containerRegistryUrl: 'harbor.corp.local/cse', bootstrapCertificates: bootstrap, nodeCertificates: nodes },
  };
}

describe('CertificatesSectionComponent', () => {
  let fixture: ComponentFixture<CertificatesSectionComponent>;
  let section: CertificatesSectionComponent;
  let backend: HttpTestingController;

  async function open(document: CseConfigDocument): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CertificatesSectionComponent],
      providers: [
        ...provideVcdTesting(),
        CseConfigRepository,
        RegistryCheckState,
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CertificatesSectionComponent);
    section = fixture.componentInstance;
    fixture.componentRef.setInput('document', document);
    fixture.componentRef.setInput('access', { canWrite: true });
    fixture.detectChanges();
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('puts a usable CA in both lists by default, and saves both arrays with If-Match in one PUT', async () => {
    const ca = await makeCa('Corp Root CA');
    await open(documentWith([], []));
    await section.read([{ text: `notes before\r\n${ca.pem.replace(/\n/g, '\r\n')}` }]);
    fixture.detectChanges();
    expect(section.plans().bootstrap.added.length).toBe(1);
    expect(section.plans().nodes.added.length).toBe(1);

    section.save();
    answerVersions(backend);
    const put = backend.expectOne(ENTITY_URL);
    expect(put.request.headers.get('If-Match')).toBe('"v1"');
    const profile = put.request.body.entity.profiles[0];
    expect(profile.bootstrapClusterConfig.certificateAuthorities).toEqual(profile.K8Config.certificateAuthorities);
    expect(profile.K8Config.certificateAuthorities[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    expect(profile.K8Config.certificateAuthorities[0]).not.toContain('\r');
    put.flush(put.request.body, { headers: { ETag: '"v2"' } });
    expect(section.justSaved()).toBeTrue();
  });

  it('keeps a server certificate out of both lists unless the provider insists', async () => {
    const ca = await makeCa();
    const leaf = await makeLeaf(ca);
    await open(documentWith([], []));
    await section.read([{ text: leaf.pem }]);
    expect(section.candidates()[0]?.role).toBe('leaf');
    expect(section.plans().nodes.added).toEqual([]);
    expect(section.canSave()).toBeFalse();
  });

  it('refuses a private key, keeps nothing of it, and sends nothing', async () => {
    await open(documentWith([], []));
    const key = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key.privateKey));
    const pem = `-----BEGIN PRIVATE KEY-----\n${btoa(String.fromCharCode(...pkcs8))}\n-----END PRIVATE KEY-----\n`;
    await section.read([{ text: pem }]);
    expect(section.privateKeyRefused()).toBeTrue();
    expect(section.candidates()).toEqual([]);
    expect(JSON.stringify(section.rejections())).not.toContain(btoa(String.fromCharCode(...pkcs8)).slice(0, 40));
    expect(section.canSave()).toBeFalse();
  });

  it('lists a repeated problem once with its count, and no more than 20 problems', async () => {
    await open(documentWith([], []));
    const repeated = '-----BEGIN CERTIFICATE-----\n'.repeat(500);
    const distinct = Array.from({ length: 30 }, (_, index) => `-----BEGIN LABEL ${index}-----\n`).join('');
    await section.read([{ text: repeated + distinct }]);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const texts = (selector: string): string[] => [...page.querySelectorAll(selector)].map((element) => element.textContent ?? '');

    expect(texts('[data-test="rejection-truncated"]').length).toBe(20);
    expect(texts('[data-test="rejection-count"]').map((text) => JSON.parse(text))).toEqual([
      { key: 'certificates.rejections.repeated', params: [{ count: 500 }] },
    ]);
    expect(texts('[data-test="rejections-unlisted"]').map((text) => JSON.parse(text))).toEqual([
      { key: 'certificates.rejections.unlisted', params: [{ count: 11 }] },
    ]);
  });

  it('lets the provider take a CA out of one list only', async () => {
    const ca = await makeCa();
    await open(documentWith([], []));
    await section.read([{ text: ca.pem }]);
    const fingerprint = section.candidates()[0]?.summary.sha256Fingerprint ?? '';
    section.toggleTarget({ fingerprint, target: 'bootstrap', on: false });
    expect(section.plans().bootstrap.added).toEqual([]);
    expect(section.plans().nodes.added.length).toBe(1);
  });

  it('flags stored entries that are not CAs and removes them all in one click, keeping the order of the rest', async () => {
    const root = await makeCa('Root A');
    const other = await makeCa('Root B');
    const leaf = await makeLeaf(root);
    await open(documentWith([root.pem, leaf.pem, other.pem], [root.pem]));
    await section.ngOnChanges();
    expect(section.stored().bootstrap.map((view) => view.problems)).toEqual([[], ['notCa'], []]);
    section.cleanUp();
    expect(section.plans().bootstrap.result).toEqual([root.pem, other.pem]);
    expect(section.plans().nodes.result).toEqual([root.pem]);
  });
});
