/* What other features use of the certificates feature: its components. Its pure part is certificates/domain. */
export * from './ui/certificates-section.component';
export * from './ui/stored-certificates.component';
