import { runCli } from './run-cli.ts';

// `npm run --silent altitude -- <command>` and the `altitude` bin. stdout carries the result,
// stderr one line on failure; the exit code says which (0 ok, 2 bad input or usage, 1 a bug).
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  now: Date.now,
});
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
