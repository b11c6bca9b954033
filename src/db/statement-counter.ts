import { AsyncLocalStorage } from "node:async_hooks";

/** Counts SQL statements per request so tests can hold public pages to QUALITY P5 (≤ 10 statements). */
const storage = new AsyncLocalStorage<{ statements: number }>();

export function withStatementCounter<T>(fn: () => T): { result: T; counter: { statements: number } } {
  const counter = { statements: 0 };
  const result = storage.run(counter, fn);
  return { result, counter };
}

export function runCounted<T>(counter: { statements: number }, fn: () => T): T {
  return storage.run(counter, fn);
}

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.statements++;
}

/** Every write statement this process has run (INSERT, UPDATE, DELETE): tests check refusals write nothing. */
let writes = 0;

export function countWrite(sqlText: string): void {
  if (/^\s*(insert|update|delete|merge)\b/i.test(sqlText)) writes++;
}

export function totalWrites(): number {
  return writes;
}
