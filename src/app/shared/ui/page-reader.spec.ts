import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, throwError } from 'rxjs';
import { PageReader } from './page-reader';

describe('PageReader', () => {
  let reader: PageReader<string, string>;

  beforeEach(() => {
    reader = TestBed.runInInjectionContext(
      () => new PageReader<string, string>('empty', (error) => `mapped ${String(error)}`, TestBed.inject(DestroyRef)),
    );
  });

  it('shows loading while a page is read, then the page, and clears an earlier error', () => {
    reader.read(throwError(() => 'first'));
    expect(reader.error()).toBe('mapped first');
    const answer = new Subject<string>();
    reader.read(answer);
    expect(reader.loading()).toBeTrue();
    answer.next('page 2');
    expect(reader.page()).toBe('page 2');
    expect(reader.loading()).toBeFalse();
    expect(reader.error()).toBeUndefined();
  });

  it('never leaves loading on after a failure, keeps the page shown and runs the caller’s cleanup first', () => {
    reader.read(new Subject<string>().asObservable());
    let cleanedWithError: string | undefined = 'not run';
    reader.read(
      throwError(() => 'down'),
      () => (cleanedWithError = reader.error()),
    );
    expect(reader.loading()).toBeFalse();
    expect(reader.page()).toBe('empty');
    expect(reader.error()).toBe('mapped down');
    expect(cleanedWithError).toBeUndefined();
  });

  it('drops the answer of a read a newer one replaced', () => {
    const older = new Subject<string>();
    const newer = new Subject<string>();
    reader.read(older);
    reader.read(newer);
    older.next('stale');
    expect(reader.page()).toBe('empty');
    expect(older.observed).toBeFalse();
    newer.next('fresh');
    expect(reader.page()).toBe('fresh');
  });
});
