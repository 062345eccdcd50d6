import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the CLI runs from there, as a user runs it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** A directory of the test's own: $ALTITUDE_DB points under it, at a database no test means to use. */
  tempDir: string;
  /** `node bin/altitude.js` instead of tsx on the sources. */
  viaBin?: boolean;
  env?: Record<string, string>;
  stdin?: string;
}

/** The CLI in a child process; every command that needs a database is expected to get --db. */
export function runAltitude(args: string[], options: RunOptions): Promise<Run> {
  const argv = options.viaBin ? ['bin/altitude.js', ...args] : ['--import', 'tsx', 'server/cli/main.ts', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: ROOT,
      env: {
        ...process.env,
        ALTITUDE_DEMO: '0',
        ALTITUDE_DB: join(options.tempDir, 'never-used', 'altitude.db'),
        // The machine's zone must not matter: days are counted in the leader's zone.
        TZ: 'America/Los_Angeles',
        NODE_OPTIONS: '',
        ...options.env,
      },
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
