import type { Response } from 'supertest';
import { expect } from 'vitest';
import { readFixture, type TestApp, type TestUser } from './test-app.ts';

/**
 * Closes a test's app after checking that nothing reached the 500 handler: every failure an
 * integration test provokes is an expected one. For `afterEach`.
 */
export function closeExpectingNoServerError(t: TestApp): void {
  try {
    expect(t.logged).toEqual([]);
  } finally {
    t.close();
  }
}

/** The one error envelope, with the status and code a test expects and a message to show. */
export function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toMatchObject({ code, status, message: expect.any(String) });
  expect(res.body.error.message.length).toBeGreaterThan(0);
}

/** Imports a calendar into the user's own leader profile through the API (Sam Lee's two weeks unless told). */
export async function importCalendar(who: TestUser, text: string | Buffer = readFixture('leader-week.ics')): Promise<void> {
  const res = await who.http.post(`/api/leaders/${who.leaderId}/imports`).set('Content-Type', 'text/calendar').send(text);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
