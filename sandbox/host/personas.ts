/* The sandbox's users (seeded by sandbox/vcd). Password 'sandbox' for all: a local test aid. */
export interface Persona {
  readonly id: string;
  readonly user: string;
  readonly org: string;
  readonly provider: boolean;
  readonly label: { readonly en: string; readonly fr: string };
}

export const SANDBOX_PASSWORD = 'sandbox';

export const PERSONAS: readonly Persona[] = [
  {
    id: 'sysadmin',
    user: 'administrator',
    org: 'System',
    provider: true,
    label: { en: 'System administrator (provider)', fr: 'Administrateur système (fournisseur)' },
  },
  {
    id: 'acme-admin',
    user: 'acme-admin',
    org: 'acme',
    provider: false,
    label: { en: 'Tenant administrator of acme', fr: "Administrateur de l'organisation acme" },
  },
  {
    id: 'globex-admin',
    user: 'globex-admin',
    org: 'globex',
    provider: false,
    label: { en: 'Tenant administrator of globex', fr: "Administrateur de l'organisation globex" },
  },
  {
    id: 'acme-user',
    user: 'acme-user',
    org: 'acme',
    provider: false,
    label: { en: 'Tenant user of acme, no rights', fr: "Utilisateur d'acme, sans droits" },
  },
  {
    id: 'cse-viewer',
    user: 'cse-viewer',
    org: 'System',
    provider: true,
    label: { en: 'Provider viewer (no write)', fr: 'Lecteur fournisseur (sans écriture)' },
  },
];
