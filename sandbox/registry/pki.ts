// The sandbox's own PKI, made with the openssl CLI (the same recipe a provider follows for a
// self-signed Harbor): a root CA, a server certificate for localhost/127.0.0.1 signed by it, and
// a separate self-signed key pair with which the token service signs registry JWTs.
// Files are created only when absent, so the CA a user has already trusted survives restarts.
import { execFile } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SANDBOX_REGISTRY_ALIAS } from '../lib/hosts.js';

const execFileAsync = promisify(execFile);

export const SANDBOX_CA_NAME = 'CSE Airgap Sandbox Root CA';
export const TOKEN_CERT_NAME = 'harbor-token-issuer';

export interface SandboxPki {
  dir: string;
  caCertFile: string;
  caKeyFile: string;
  caPem: string;
  serverCertFile: string;
  serverKeyFile: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** Self-signed; distribution's `auth.token.rootcertbundle`. */
  tokenCertFile: string;
  tokenKeyFile: string;
  tokenCertPem: string;
  tokenKeyPem: string;
}

const CA_CONFIG = `[req]
distinguished_name = dn
prompt = no
x509_extensions = v3_ca
[dn]
O = CSE Airgap Sandbox
CN = ${SANDBOX_CA_NAME}
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
`;

const SERVER_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
O = CSE Airgap Sandbox
CN = localhost
[v3_server]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, DNS:${SANDBOX_REGISTRY_ALIAS}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

const TOKEN_CONFIG = `[req]
distinguished_name = dn
prompt = no
x509_extensions = v3_token
[dn]
O = CSE Airgap Sandbox
CN = ${TOKEN_CERT_NAME}
[v3_token]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
subjectKeyIdentifier = hash
`;

export async function ensurePki(dir: string): Promise<SandboxPki> {
  await mkdir(dir, { recursive: true });
  const f = (name: string): string => join(dir, name);
  const paths = {
    caCertFile: f('ca.crt'),
    caKeyFile: f('ca.key'),
    serverCertFile: f('server.crt'),
    serverKeyFile: f('server.key'),
    tokenCertFile: f('token.crt'),
    tokenKeyFile: f('token.key'),
  };

  let caIsNew = false;
  if (!bothExist(paths.caCertFile, paths.caKeyFile)) {
    await selfSigned(dir, 'ca', CA_CONFIG, paths.caKeyFile, paths.caCertFile, 3650);
    caIsNew = true;
  }
  const caPem = await readFile(paths.caCertFile, 'utf8');
  // A server certificate from another CA (the CA was deleted or replaced) would make every
  // client that trusts the current CA fail, so it is re-issued.
  if (
    caIsNew ||
    !bothExist(paths.serverCertFile, paths.serverKeyFile) ||
    !isIssuedBy(await readFile(paths.serverCertFile, 'utf8'), caPem) ||
    // Issued before the sandbox answered for its alias: re-issued so that the alias verifies.
    !new X509Certificate(await readFile(paths.serverCertFile, 'utf8')).subjectAltName?.includes(`DNS:${SANDBOX_REGISTRY_ALIAS}`)
  ) {
    await issueServerCert(dir, paths);
  }
  if (!bothExist(paths.tokenCertFile, paths.tokenKeyFile)) {
    await selfSigned(dir, 'token', TOKEN_CONFIG, paths.tokenKeyFile, paths.tokenCertFile, 3650);
  }

  const [serverCertPem, serverKeyPem, tokenCertPem, tokenKeyPem] = await Promise.all(
    [paths.serverCertFile, paths.serverKeyFile, paths.tokenCertFile, paths.tokenKeyFile].map((p) => readFile(p, 'utf8')),
  );
  return { dir, ...paths, caPem, serverCertPem, serverKeyPem, tokenCertPem, tokenKeyPem };
}

function bothExist(a: string, b: string): boolean {
  return existsSync(a) && existsSync(b);
}

function isIssuedBy(certPem: string, caPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}

async function selfSigned(dir: string, name: string, config: string, keyFile: string, certFile: string, days: number): Promise<void> {
  const configFile = join(dir, `${name}.cnf`);
  await writeFile(configFile, config);
  await openssl([
    'req',
    '-x509',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-days',
    String(days),
    '-config',
    configFile,
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  await chmod(keyFile, 0o600);
}

async function issueServerCert(
  dir: string,
  paths: { caCertFile: string; caKeyFile: string; serverCertFile: string; serverKeyFile: string },
): Promise<void> {
  const configFile = join(dir, 'server.cnf');
  const csrFile = join(dir, 'server.csr');
  await writeFile(configFile, SERVER_CONFIG);
  await openssl([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-config',
    configFile,
    '-keyout',
    paths.serverKeyFile,
    '-out',
    csrFile,
  ]);
  await chmod(paths.serverKeyFile, 0o600);
  // 825 days: the longest validity Apple and Chromium still accept for a server certificate.
  // A random serial instead of a .srl file: nothing else to keep in sync.
  await openssl([
    'x509',
    '-req',
    '-in',
    csrFile,
    '-CA',
    paths.caCertFile,
    '-CAkey',
    paths.caKeyFile,
    '-set_serial',
    `0x${randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1')}`,
    '-days',
    '825',
    '-sha256',
    '-extfile',
    configFile,
    '-extensions',
    'v3_server',
    '-out',
    paths.serverCertFile,
  ]);
  await rm(csrFile, { force: true });
}

async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args);
  } catch (error) {
    const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || String(error)}`);
  }
}
