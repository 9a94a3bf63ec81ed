/* `skopeo login` into an auth file, the password on stdin (never on the command line), as the transfer script's import side expects. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function skopeoLogin(authFile: string, host: string, user: string, password: string): Promise<void> {
  const login = execFileAsync('skopeo', ['login', '--authfile', authFile, '--tls-verify=false', '-u', user, '--password-stdin', host]);
  login.child.stdin?.end(password);
  await login;
}
