import { TestBed } from '@angular/core/testing';
import { ServedCertificate } from '../domain/registry-check';
import { provideEnglish } from '../testing/english';
import { ServedChainWidget } from '../testing/served-chain.widget';
import { ServedChainComponent } from './served-chain.component';

const LEAF: ServedCertificate = {
  subject: 'CN=harbor.corp.local',
  issuer: 'CN=Corp Issuing CA',
  notBefore: '2025-03-01T00:00:00.000Z',
  notAfter: '2026-03-01T00:00:00.000Z',
  dnsNames: ['harbor.corp.local', 'registry.corp.local'],
  ipAddresses: ['10.0.0.5'],
  sha256Fingerprint: 'AA:BB:CC',
  isCa: false,
  pem: '-----BEGIN CERTIFICATE-----\nleaf\n-----END CERTIFICATE-----\n',
};
const ISSUER: ServedCertificate = {
  ...LEAF,
  subject: 'CN=Corp Issuing CA',
  issuer: 'CN=Corp Root CA',
  notBefore: '2024-01-01T00:00:00.000Z',
  notAfter: '2034-01-01T00:00:00.000Z',
  dnsNames: [],
  ipAddresses: [],
  sha256Fingerprint: 'DD:EE:FF',
  isCa: true,
};

describe('ServedChainComponent', () => {
  function show(chain: readonly ServedCertificate[]): ServedChainWidget {
    TestBed.configureTestingModule({ imports: [ServedChainComponent], providers: [provideEnglish()] });
    const fixture = TestBed.createComponent(ServedChainComponent);
    fixture.componentRef.setInput('chain', chain);
    fixture.detectChanges();
    return new ServedChainWidget(fixture);
  }

  describe('when the registry serves its leaf and an issuing CA', () => {
    let chain: ServedChainWidget;
    beforeEach(() => (chain = show([LEAF, ISSUER])));

    it('titles the table with the number of certificates', () => {
      expect(chain.title()).toBe('Certificate chain the registry serves (2 certificates)');
    });

    it('lists the certificates in the order served, leaf first, with issuer, validity dates, names and fingerprint', () => {
      expect(chain.certificates()).toEqual([
        {
          Subject: 'CN=harbor.corp.local',
          Issuer: 'CN=Corp Issuing CA',
          Valid: '2025-03-01 → 2026-03-01',
          'Names (SAN)': 'harbor.corp.local, registry.corp.local, 10.0.0.5',
          'SHA-256 fingerprint': 'AA:BB:CC',
        },
        {
          Subject: 'CN=Corp Issuing CA CA',
          Issuer: 'CN=Corp Root CA',
          Valid: '2024-01-01 → 2034-01-01',
          'Names (SAN)': '—',
          'SHA-256 fingerprint': 'DD:EE:FF',
        },
      ]);
    });
  });

  it('titles a lone certificate in the singular', () => {
    expect(show([LEAF]).title()).toBe('Certificate the registry serves');
  });

  it('says so when the registry served no certificate', () => {
    const chain = show([]);
    expect(chain.title()).toBe('The registry served no certificate');
    expect(chain.certificates()).toEqual([]);
  });
});
