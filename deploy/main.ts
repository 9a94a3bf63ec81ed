/* `npm run deploy -- --vcd https://vcd.example.com …`: see deploy/cli.ts (or --help). */
import { runCli } from './cli.js';

runCli(process.argv.slice(2), process.env, { log: (line) => console.log(line), error: (line) => console.error(line) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`deploy: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
