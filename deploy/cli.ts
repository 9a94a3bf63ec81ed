// `npm run deploy -- …`: arguments, secrets (files or environment only), output and exit codes.
// A usage error never repeats what was typed where a secret could be (a stray argument, the value
// of a secret-file option): people paste a token where a path or an option was expected.
import { parseArgs } from 'node:util';
import { deploy, describeInstalled, type DeployOptions, type Output, type Publication } from './deploy.js';
import { FileLimitError, MAX_CA_FILE_BYTES, MAX_SECRET_FILE_BYTES, readLimitedFile } from './files.js';
import { StepError } from './vcd-client.js';

export const HELP = `Deploy the CSE Airgap UI plug-in to VMware Cloud Director (install, upgrade in place, publish).

  npm run deploy -- --vcd https://vcd.example.com [options]

Log in (as a system administrator), one of:
  --api-token-file FILE   an API token (the file holds the token, or vcd-cli/go-vcloud-director's
                          JSON with "refresh_token"); or the environment variable VCD_API_TOKEN
  --user USER --password-file FILE
                          USER is administrator or administrator@System; the password may come
                          from the environment variable VCD_PASSWORD instead of a file
  Secrets are never taken from the command line, and never printed. They are sent only to
  the --vcd origin. Token, password and CA files: 64 KiB at most; the zip: 32 MiB.

What to do (default: install, or upgrade in place keeping the id and the publications):
  --zip FILE              the plug-in (default dist/plugin.zip)
  --publish all|ORG,…     publish to every tenant, or to these organizations (adds to the current ones)
  --unpublish all|ORG,…   withdraw it from every tenant, or from these organizations (alone, it
                          changes only the publications and uploads nothing)
  --uninstall             remove the bundle and the registration
  --force                 allow a downgrade, and upload the same version again

Connection:
  --insecure-ca-file FILE trust this extra CA (PEM) for the VCD's certificate, e.g. a private CA.
                          Despite its name it never turns verification off: the certificate must
                          still chain to this CA (or a public one) and name the host.
  --timeout SECONDS       how long to wait for VCD to make the upload ready (default 120)

Exit codes: 0 done, 1 a step failed (it is named, with the HTTP status and VCD's message), 2 usage.`;

export class UsageError extends Error {}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function publication(value: string | undefined, option: string): Publication | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new UsageError(`${option} needs "all" or organization names`);
  return names.length === 1 && names[0]?.toLowerCase() === 'all' ? 'all' : names;
}

/** The file's text; a problem is reported by option, never by the path (which may be a mistyped secret). */
async function limitedTextFile(file: string, option: string, maxBytes: number): Promise<string> {
  try {
    return (await readLimitedFile(file, maxBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof FileLimitError) throw new UsageError(`the file given to ${option} ${error.message}`);
    throw error;
  }
}

async function secretFile(file: string, option: string): Promise<string> {
  const trimmed = (await limitedTextFile(file, option, MAX_SECRET_FILE_BYTES)).trim();
  if (trimmed === '') throw new UsageError(`the file given to ${option} is empty`);
  return trimmed;
}

/** A token file may be go-vcloud-director's / vcd-cli's JSON ({"refresh_token": …}) or the bare token. */
function apiTokenFrom(text: string): string {
  if (!text.startsWith('{')) return text;
  try {
    const token = (JSON.parse(text) as Record<string, unknown>)['refresh_token'];
    if (typeof token === 'string' && token !== '') return token;
  } catch {
    // fall through
  }
  throw new UsageError('the API token file is JSON without a "refresh_token"');
}

const OPTIONS = {
  vcd: { type: 'string' },
  zip: { type: 'string', default: 'dist/plugin.zip' },
  'api-token-file': { type: 'string' },
  user: { type: 'string' },
  'password-file': { type: 'string' },
  publish: { type: 'string' },
  unpublish: { type: 'string' },
  uninstall: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'insecure-ca-file': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** parseArgs' own messages may quote what was typed: ours name the option only, and only a plain one. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const option = /'(--?[^' =]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /^--?(password|api-token|token|secret)/i.test(option)) {
    return 'secrets are never taken from the command line: use a file or the environment (see --help)';
  }
  const named = /^--?[a-z][a-z-]{0,40}$/.test(option) ? option : 'an option (not shown: it may be a secret)';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${named}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take/.test(message) ? `${named} takes no value` : `${named} needs a value`;
  }
  return 'the command line could not be read';
}

const parse = (argv: readonly string[]) => parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });

function parseOptions(argv: readonly string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const strays = parsed.positionals.length;
  if (strays > 0) {
    throw new UsageError(
      `${strays === 1 ? 'an argument' : `${strays} arguments`} without an option, not shown (it may be a secret): ` +
        'this command takes options only, and secrets only from files or the environment (see --help)',
    );
  }
  return parsed.values;
}

export async function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<DeployOptions | 'help'> {
  const values = parseOptions(argv);
  if (values.help) return 'help';
  if (!values.vcd) throw new UsageError('--vcd https://… is required');
  let vcd: URL;
  try {
    vcd = new URL(values.vcd);
  } catch {
    throw new UsageError('--vcd is not a URL: give the address of the VCD, such as https://vcd.example.com');
  }
  if (vcd.protocol !== 'https:' && !(vcd.protocol === 'http:' && LOOPBACK.test(vcd.hostname))) {
    throw new UsageError('--vcd must be an https:// URL (plain http only for a VCD on this machine, such as the sandbox)');
  }
  if (values.uninstall && (values.publish || values.unpublish))
    throw new UsageError('--uninstall cannot be combined with --publish or --unpublish');
  const timeoutSeconds = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError('--timeout must be a number of seconds');

  let credentials: DeployOptions['credentials'];
  if (values['api-token-file'] && values.user) throw new UsageError('use either an API token or --user, not both');
  if (values['api-token-file'] || (!values.user && env['VCD_API_TOKEN'])) {
    const token = values['api-token-file']
      ? apiTokenFrom(await secretFile(values['api-token-file'], '--api-token-file'))
      : (env['VCD_API_TOKEN'] ?? '').trim();
    credentials = { kind: 'apiToken', token };
  } else if (values.user) {
    const password = values['password-file'] ? await secretFile(values['password-file'], '--password-file') : env['VCD_PASSWORD'];
    if (!password) throw new UsageError('--user needs --password-file FILE or the environment variable VCD_PASSWORD');
    credentials = { kind: 'password', user: values.user.includes('@') ? values.user : `${values.user}@System`, password };
  } else {
    throw new UsageError(
      'log in with --api-token-file FILE (or VCD_API_TOKEN), or --user USER with --password-file FILE (or VCD_PASSWORD)',
    );
  }

  const extraCaPem = values['insecure-ca-file']
    ? await limitedTextFile(values['insecure-ca-file'], '--insecure-ca-file', MAX_CA_FILE_BYTES)
    : undefined;
  if (extraCaPem !== undefined && !extraCaPem.includes('-----BEGIN CERTIFICATE-----'))
    throw new UsageError('--insecure-ca-file must hold a PEM certificate');

  const publish = publication(values.publish, '--publish');
  const unpublish = publication(values.unpublish, '--unpublish');
  return {
    vcd,
    zip: values.zip ?? 'dist/plugin.zip',
    credentials,
    uninstall: values.uninstall ?? false,
    force: values.force ?? false,
    timing: { timeoutMs: timeoutSeconds * 1000, intervalMs: 1000, unavailableGraceMs: 5000 },
    ...(publish !== undefined ? { publish } : {}),
    ...(unpublish !== undefined ? { unpublish } : {}),
    ...(extraCaPem !== undefined ? { extraCaPem } : {}),
  };
}

/**
 * Replaces every secret in a line, whatever printed it (nothing should print one: this is a net).
 * Secrets shorter than 8 characters are left alone: they would blank out ordinary words.
 */
function redacting(out: Output, secrets: readonly string[]): Output {
  const hide = (line: string): string =>
    secrets.filter((secret) => secret.length >= 8).reduce((text, secret) => text.split(secret).join('***'), line);
  return { log: (line) => out.log(hide(line)), error: (line) => out.error(hide(line)) };
}

/** Runs the command; resolves to the exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, rawOut: Output): Promise<number> {
  let options: DeployOptions | 'help';
  try {
    options = await parseCommandLine(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // A net, as for every other line: no usage message quotes a secret of the environment either.
    redacting(rawOut, [env['VCD_API_TOKEN'] ?? '', env['VCD_PASSWORD'] ?? '']).error(
      `deploy: ${error.message}\nRun "npm run deploy -- --help" for the options.`,
    );
    return 2;
  }
  if (options === 'help') {
    rawOut.log(HELP);
    return 0;
  }
  const secrets = options.credentials.kind === 'apiToken' ? [options.credentials.token] : [options.credentials.password];
  const out = redacting(rawOut, secrets);
  out.log(`CSE Airgap deploy → ${options.vcd.origin}`);
  try {
    const report = await deploy(options, out);
    out.log(
      report.status === 'uninstalled' || report.id === null
        ? `Done: ${report.status === 'uninstalled' ? 'uninstalled' : 'nothing installed'}.`
        : `Done: id ${report.id}, version ${report.version ?? '?'}, status ${report.status ?? '?'}, published to ${report.publications} organization${report.publications === 1 ? '' : 's'}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    out.error(`✗ ${error.message}`);
    if (await describeInstalled(options, out))
      out.error('To go back to another version: npm run deploy -- <same options> --zip <that plugin.zip> --force');
    return 1;
  }
}
