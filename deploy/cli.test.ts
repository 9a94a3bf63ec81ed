import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HELP, UsageError, parseCommandLine, runCli } from './cli.js';

describe('deploy command line', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'deploy-cli-'));
    await writeFile(file('token'), 'plain-token\n');
    await writeFile(file('token.json'), JSON.stringify({ refresh_token: 'json-token', token_type: 'API Token' }));
    await writeFile(file('password'), 's3cret\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(argv, env);

  it('reads the API token from a file, bare or as JSON with refresh_token', async () => {
    const bare = await parse(['--vcd', 'https://vcd.example.com', '--api-token-file', file('token')]);
    const json = await parse(['--vcd', 'https://vcd.example.com', '--api-token-file', file('token.json')]);
    assert.deepEqual(bare !== 'help' && bare.credentials, { kind: 'apiToken', token: 'plain-token' });
    assert.deepEqual(json !== 'help' && json.credentials, { kind: 'apiToken', token: 'json-token' });
  });

  it('takes secrets from the environment, and a bare user name as a System user', async () => {
    const token = await parse(['--vcd', 'https://vcd.example.com'], { VCD_API_TOKEN: 'env-token' });
    const password = await parse(['--vcd', 'https://vcd.example.com', '--user', 'administrator'], { VCD_PASSWORD: 'pw' });
    assert.deepEqual(token !== 'help' && token.credentials, { kind: 'apiToken', token: 'env-token' });
    assert.deepEqual(password !== 'help' && password.credentials, { kind: 'password', user: 'administrator@System', password: 'pw' });
  });

  it('reads --publish all or a list of organizations', async () => {
    const all = await parse(['--vcd', 'https://v', '--user', 'a@System', '--password-file', file('password'), '--publish', 'all']);
    const some = await parse([
      '--vcd',
      'https://v',
      '--user',
      'a@System',
      '--password-file',
      file('password'),
      '--publish',
      'acme, globex',
    ]);
    assert.equal(all !== 'help' && all.publish, 'all');
    assert.deepEqual(some !== 'help' && some.publish, ['acme', 'globex']);
  });

  const refusals: [string, string[], RegExp][] = [
    ['no --vcd', ['--api-token-file', 'x'], /--vcd https:\/\/… is required/],
    ['plain http to another host', ['--vcd', 'http://vcd.example.com', '--user', 'a'], /must be an https:\/\/ URL/],
    ['a password on the command line', ['--vcd', 'https://v', '--password', 'x'], /secrets are never taken from the command line/],
    ['a token on the command line', ['--vcd', 'https://v', '--api-token', 'x'], /secrets are never taken from the command line/],
    ['no credentials', ['--vcd', 'https://v'], /log in with --api-token-file/],
    ['--user without a password', ['--vcd', 'https://v', '--user', 'a'], /--user needs --password-file/],
    ['--uninstall with --publish', ['--vcd', 'https://v', '--uninstall', '--publish', 'all', '--user', 'a'], /cannot be combined/],
  ];
  for (const [name, argv, message] of refusals) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(parse(argv, {}), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }

  it('exits 2 on a usage error and 0 with --help, which says verification stays on', async () => {
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    assert.equal(await runCli([], {}, out), 2);
    assert.equal(await runCli(['--help'], {}, out), 0);
    assert.ok(lines.includes(HELP));
    assert.match(HELP, /never turns verification off/);
  });

  it('exits 1 when a step fails, and never prints the secret', async () => {
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const code = await runCli(['--vcd', 'http://127.0.0.1:9', '--zip', file('missing.zip')], { VCD_API_TOKEN: 'do-not-print-me' }, out);
    assert.equal(code, 1);
    assert.ok(lines.some((line) => line.startsWith('✗ read the plug-in: ')));
    assert.ok(!lines.join('\n').includes('do-not-print-me'));
  });
  describe('a secret typed where it does not belong', () => {
    const SECRET = 'Zq9-s3cr3t-typed-by-mistake';
    const cases: [string, string[]][] = [
      ['a stray argument after the options', ['--vcd', 'https://v', '--user', 'a', SECRET]],
      ['a stray argument alone', [SECRET]],
      ['a stray argument after --', ['--vcd', 'https://v', '--', SECRET]],
      ['a stray argument with --help', ['--help', SECRET]],
      ['a stray argument among good credentials', ['--vcd', 'https://v', SECRET, '--user', 'a']],
      ['--password=SECRET', ['--vcd', 'https://v', `--password=${SECRET}`]],
      ['--token=SECRET', ['--vcd', 'https://v', `--token=${SECRET}`]],
      ['an unknown option that is the secret', ['--vcd', 'https://v', `--${SECRET}`]],
      ['a value given to a flag', ['--vcd', 'https://v', `--force=${SECRET}`]],
      ['the secret as the token file path', ['--vcd', 'https://v', '--api-token-file', SECRET]],
      ['the secret as the password file path', ['--vcd', 'https://v', '--user', 'a', '--password-file', SECRET]],
      ['the secret as the VCD address', ['--vcd', SECRET, '--user', 'a']],
    ];
    for (const [name, argv] of cases) {
      it(`is never echoed: ${name}`, async () => {
        const lines: string[] = [];
        const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
        assert.equal(await runCli(argv, {}, out), 2);
        assert.ok(lines.length > 0);
        assert.ok(!lines.join('\n').includes(SECRET), lines.join('\n'));
        assert.ok(!lines.join('\n').includes('s3cr3t'), lines.join('\n'));
      });
    }

    it('says why a stray argument is refused, and how many', async () => {
      await assert.rejects(parse(['--vcd', 'https://v', 'one', 'two']), {
        message: /^2 arguments without an option, not shown \(it may be a secret\): this command takes options only/,
      });
    });

    it('still names a mistyped plain option, and one missing its value', async () => {
      await assert.rejects(parse(['--vcd', 'https://v', '--publsh', 'all']), { message: 'unknown option --publsh' });
      await assert.rejects(parse(['--vcd', 'https://v', '--user', 'a', '--password-file']), { message: '--password-file needs a value' });
    });
  });

  describe('files it reads are size-checked first', () => {
    const refusals: [string, () => string[], RegExp][] = [
      [
        'a token file over 64 KiB',
        () => ['--vcd', 'https://v', '--api-token-file', file('big-token')],
        /^the file given to --api-token-file is 65 KiB, more than the 64 KiB such a file can be/,
      ],
      [
        'a password file that is a directory',
        () => ['--vcd', 'https://v', '--user', 'a', '--password-file', dir],
        /^the file given to --password-file is not a regular file$/,
      ],
      [
        'a CA file over 64 KiB',
        () => ['--vcd', 'https://v', '--user', 'a', '--password-file', file('password'), '--insecure-ca-file', file('big-token')],
        /^the file given to --insecure-ca-file is 65 KiB, more than the 64 KiB/,
      ],
      [
        'a CA file that is a device',
        () => ['--vcd', 'https://v', '--user', 'a', '--password-file', file('password'), '--insecure-ca-file', '/dev/zero'],
        /^the file given to --insecure-ca-file is not a regular file$/,
      ],
    ];
    for (const [name, argv, message] of refusals) {
      it(`refuses ${name}`, async () => {
        await writeFile(file('big-token'), Buffer.alloc(64 * 1024 + 1, 0x61));
        await assert.rejects(parse(argv(), {}), (error: unknown) => error instanceof UsageError && message.test(error.message));
      });
    }
  });
});
