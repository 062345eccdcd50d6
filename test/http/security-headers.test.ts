import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { WEB_DIST } from '../../server/web-build.ts';
import { expectError } from '../support/http-checks.ts';
import { listRoutes } from '../support/list-routes.ts';
import { addUser, createTestApp, readFixture, request, type TestApp, type TestUser } from '../support/test-app.ts';

/**
 * The headers every response carries, whatever produced it (a route, the web app's files,
 * index.html, a 404, an error, the "not built" page), and errors that say nothing about the
 * server's insides.
 */

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

function expectSecurityHeaders(res: Response, { api, hsts = false }: { api: boolean; hsts?: boolean }): void {
  const where = `${res.status} ${(res as unknown as { req: { method: string; path: string } }).req.method} ${(res as unknown as { req: { path: string } }).req.path}`;
  const csp = res.headers['content-security-policy'] as string | undefined;
  expect(csp, where).toBeDefined();
  expect(csp, where).not.toMatch(/unsafe-|\*|http:|https:/);
  const policy = directives(csp!);
  expect(policy.get('default-src'), where).toEqual(["'self'"]);
  expect(policy.get('script-src'), where).toEqual(["'self'"]);
  expect(policy.get('style-src'), where).toEqual(["'self'"]);
  expect(policy.get('object-src'), where).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(policy.get('base-uri'), where).toEqual(["'none'"]);
  expect(policy.get('require-trusted-types-for'), where).toEqual(["'script'"]);
  expect(res.headers, where).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  expect(res.headers['x-powered-by'], where).toBeUndefined();
  if (hsts) expect(res.headers['strict-transport-security'], where).toBe('max-age=31536000');
  else expect(res.headers['strict-transport-security'], where).toBeUndefined();
  if (api) expect(res.headers['cache-control'], where).toBe('no-store');
}

/** An error as a stranger may see it: the envelope's words, no stack, path, module or SQL. */
function expectNoInternals(res: Response): void {
  const text = res.text ?? '';
  for (const leak of [/\bat \S+ \(/, /\.ts\b/, /node_modules/, process.cwd(), /SqliteError|SQLITE_|no such table|TypeError|ReferenceError/, /Error:/, /stack/i]) {
    if (typeof leak === 'string') expect(text).not.toContain(leak);
    else expect(text).not.toMatch(leak);
  }
}

describe('security headers on every kind of response', () => {
  let t: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    t = createTestApp();
    owner = await addUser(t, { email: 'sam.lee@acme.example', name: 'Sam Lee' });
    const imported = await owner.http.post(`/api/leaders/${owner.leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics'));
    expect(imported.status).toBe(201);
  });

  afterAll(() => t.close());

  test('every API route, called by nobody and (for reads) by a signed-in leader, answers with the headers and no-store', async () => {
    const routes = listRoutes(t.app).filter((route) => route.includes(' /api/'));
    expect(routes.length).toBeGreaterThan(40);
    const statuses = new Set<number>();
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = pattern.replace(':leaderId', String(owner.leaderId)).replace(/:\w+/g, '1');
      const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const anonymous = await request(t.app)[verb](path).send({});
      expectSecurityHeaders(anonymous, { api: true });
      statuses.add(anonymous.status);
      if (method === 'GET') {
        const signedIn = await owner.http.get(path);
        expectSecurityHeaders(signedIn, { api: true });
        statuses.add(signedIn.status);
      }
    }
    // The sample covers successes, refusals and misses, not one kind of answer.
    for (const status of [200, 400, 401, 403]) expect([...statuses]).toContain(status);
  });

  test('the web app: index.html, a deep link, its script and stylesheet, and a 404 outside the API', async () => {
    const assets = readdirSync(join(WEB_DIST, 'assets'));
    const pages = ['/', '/index.html', '/dashboard', '/favicon.ico', ...assets.map((file) => `/assets/${file}`)];
    for (const path of pages) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(200);
      expectSecurityHeaders(res, { api: false });
    }
    const missing = await request(t.app).post('/dashboard');
    expectError(missing, 404, 'not-found');
    expectSecurityHeaders(missing, { api: true });
  });

  test('404s and malformed requests under /api are errors in the envelope, with no-store and no internals', async () => {
    const cases: Array<{ res: Response; status: number; code: string }> = [
      { res: await request(t.app).get('/api/no-such-thing'), status: 404, code: 'not-found' },
      { res: await request(t.app).get('/api'), status: 404, code: 'not-found' },
      { res: await request(t.app).get('/api/leaders/%E0%A4%A/summary'), status: 400, code: 'bad-request' },
      { res: await request(t.app).post('/api/session').set('Content-Type', 'application/json').send('{"email": "a@b.example", '), status: 400, code: 'invalid-json' },
      { res: await request(t.app).post('/api/session').set('Content-Type', 'application/json').send(`{"email": "${'x'.repeat(2_000_000)}"}`), status: 413, code: 'body-too-large' },
      { res: await request(t.app).post('/api/session').set('Content-Type', 'application/json; charset=koi8-r').send('{}'), status: 415, code: 'unsupported-charset' },
      { res: await request(t.app).post('/api/session').set('Content-Type', 'application/json').set('Content-Encoding', 'x-unheard-of').send('{}'), status: 415, code: 'unsupported-encoding' },
      { res: await request(t.app).post('/api/session').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all'), status: 400, code: 'bad-request' },
      { res: await owner.http.get(`/api/leaders/${owner.leaderId}/events?from[$gt]=1`), status: 400, code: 'invalid-request' },
      { res: await owner.http.get('/api/leaders/__proto__/summary'), status: 400, code: 'invalid-request' },
    ];
    for (const { res, status, code } of cases) {
      expectError(res, status, code);
      expectSecurityHeaders(res, { api: true });
      expectNoInternals(res);
    }
    expect(t.logged).toEqual([]);
  });

  test('paths meant to escape the web folder or break the file server get the app, not a file or a stack', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/%E0%A4%A', '/%00', '/assets/%00.js']) {
      const res = await request(t.app).get(path);
      expect([200, 400, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain('"devDependencies"');
      expectSecurityHeaders(res, { api: res.status !== 200 });
      expectNoInternals(res);
    }
    expect(t.logged).toEqual([]);
  });
});

describe('errors the server did not expect', () => {
  test('a table gone from under the app: the generic 500 envelope, the cause in the log only', async () => {
    const t = createTestApp();
    try {
      const owner = await addUser(t, { email: 'sam.lee@acme.example' });
      await owner.http.post(`/api/leaders/${owner.leaderId}/imports`).set('Content-Type', 'text/calendar').send(readFixture('leader-week.ics')).expect(201);
      t.db.$client.exec('PRAGMA foreign_keys = OFF; DROP TABLE events;');
      const res = await owner.http.get(`/api/leaders/${owner.leaderId}/events`);
      expectError(res, 500, 'internal-error');
      expect(res.body.error.message).toBe('Something went wrong on our side; nothing was changed.');
      expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'status']);
      expectSecurityHeaders(res, { api: true });
      expectNoInternals(res);
      expect(String(t.logged[0])).toContain('no such table: events');
    } finally {
      t.close();
    }
  });

  test('a closed database: the health check and every signed-in page answer 500, generically', async () => {
    const t = createTestApp();
    const owner = await addUser(t, { email: 'sam.lee@acme.example' });
    t.db.$client.close();
    try {
      for (const res of [await request(t.app).get('/api/health'), await owner.http.get(`/api/leaders/${owner.leaderId}/summary`), await owner.http.post('/api/session').send({})]) {
        expectError(res, 500, 'internal-error');
        expectSecurityHeaders(res, { api: true });
        expectNoInternals(res);
      }
      expect(t.logged).toHaveLength(3);
    } finally {
      t.close();
    }
  });

  test('headers too large for the server are refused before the app, with nothing but the status', async () => {
    const t = createTestApp();
    const server = await new Promise<Server>((resolve) => {
      const listening = t.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer.split('\r\n\r\n')[1] ?? '').toBe('');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      t.close();
    }
  });
});

describe('HSTS and the page shown before the web app is built', () => {
  test('HSTS only when the operator says the app is behind TLS; a forged X-Forwarded-Proto does not switch it on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'altitude-headers-'));
    const db = openDatabase(join(dir, 'altitude.db'));
    try {
      const plain = createApp({ db, log: () => undefined });
      expectSecurityHeaders(await supertest(plain).get('/api/health').set('X-Forwarded-Proto', 'https'), { api: true, hsts: false });
      expectSecurityHeaders(await supertest(plain).get('/'), { api: false, hsts: false });
      const secure = createApp({ db, log: () => undefined, session: { secureCookies: true } });
      expectSecurityHeaders(await supertest(secure).get('/api/health'), { api: true, hsts: true });
      expectSecurityHeaders(await supertest(secure).get('/'), { api: false, hsts: true });
      expectSecurityHeaders(await supertest(secure).get('/api/nothing-here'), { api: true, hsts: true });
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the 503 "not built" page carries the same headers, and the API still answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'altitude-headers-'));
    const db = openDatabase(join(dir, 'altitude.db'));
    try {
      const app = createApp({ db, log: () => undefined, webDist: join(dir, 'no-dist') });
      const page = await supertest(app).get('/dashboard');
      expect(page.status).toBe(503);
      expect(page.text).toContain('npm run build:web');
      expectSecurityHeaders(page, { api: false });
      expectSecurityHeaders(await supertest(app).get('/api/health').expect(200), { api: true });
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
