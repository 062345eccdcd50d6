import { runCli } from './run-cli.ts';

// `npm run --silent altitude -- <command>` and the `altitude` bin. stdout carries the result,
// stderr one line on failure; the exit code says which (0 ok, 2 bad input or usage, 1 a bug).

// A reader that stops early (`altitude audit x.ics --json | head`) closes the pipe: not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`altitude: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
});
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  now: Date.now,
  // npm runs scripts from the package's folder and keeps the user's in INIT_CWD.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  readStdin: process.stdin.isTTY
    ? undefined
    : async () => {
        let text = '';
        for await (const chunk of process.stdin) text += String(chunk);
        return text;
      },
});
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
