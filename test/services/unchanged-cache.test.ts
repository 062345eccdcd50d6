import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { cachedWhileUnchanged } from '../../server/services/unchanged-cache.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { makeTempDir } from '../support/test-app.ts';

/** A cached value counts how often it was computed: a fresh computation is a new number. */
describe('answers kept while the database and the clock stay put', () => {
  const opened: AppDatabase[] = [];
  let removeDir = () => {};
  afterEach(() => {
    for (const db of opened.splice(0)) db.$client.close();
    removeDir();
  });

  function setUp() {
    const temp = makeTempDir();
    removeDir = temp.remove;
    const path = `${temp.dir}/altitude.db`;
    const db = openDatabase(path);
    opened.push(db);
    let computed = 0;
    const ask = (nowMs: number, stableUntilMs = nowMs + 60_000) => cachedWhileUnchanged(db, 'k', nowMs, () => ({ value: ++computed, stableUntilMs }));
    return { db, path, ask };
  }

  test('the same question at the same state is answered from the cache', () => {
    const { ask } = setUp();
    expect(ask(1_000)).toBe(1);
    expect(ask(2_000)).toBe(1);
    expect(cachedWhileUnchanged(setUp().db, 'k', 1_000, () => ({ value: 'other database', stableUntilMs: 5_000 }))).toBe('other database');
  });

  test('the clock reaching the instant the answer would read differently computes it again', () => {
    const { ask } = setUp();
    expect(ask(1_000, 5_000)).toBe(1);
    expect(ask(4_999)).toBe(1);
    expect(ask(5_000)).toBe(2);
  });

  test('a clock that went back is not served what a later instant computed', () => {
    const { ask } = setUp();
    expect(ask(10_000)).toBe(1);
    expect(ask(9_999)).toBe(2);
  });

  test('any write on the same connection computes it again', () => {
    const { db, ask } = setUp();
    expect(ask(1_000)).toBe(1);
    createLeader(db, { email: 'sam.lee@acme.example', name: 'Sam Lee', timeZone: 'Europe/Berlin' }, 1_000);
    expect(ask(1_000)).toBe(2);
    expect(ask(1_000)).toBe(2);
  });

  test('a commit by another connection to the same file (a CLI import beside the server) computes it again', () => {
    const { path, ask } = setUp();
    expect(ask(1_000)).toBe(1);
    const other = openDatabase(path);
    opened.push(other);
    createLeader(other, { email: 'noor.haddad@acme.example', name: 'Noor Haddad', timeZone: 'Europe/Berlin' }, 1_000);
    expect(ask(1_000)).toBe(2);
  });
});
