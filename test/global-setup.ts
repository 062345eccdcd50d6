import { ensureWebBuild } from '../server/web-build.ts';

// The HTTP and browser tests serve the built web app, as `npm start` does: build it once first.
export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
