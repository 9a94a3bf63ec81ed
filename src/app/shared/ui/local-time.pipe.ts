/*
 * Dates in the session's locale with Intl, not DatePipe: DatePipe throws for a locale whose Angular
 * locale data the host never registered, and a plug-in cannot count on VCD having registered 'fr'.
 */
import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';

export type LocalTimeStyle = 'dateTime' | 'date';

export function formatLocalTime(iso: string, locale: string, style: LocalTimeStyle = 'dateTime'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return style === 'date' ? date.toISOString().slice(0, 10) : date.toISOString().slice(0, 16).replace('T', ' ');
  }
}

@Pipe({ name: 'localTime', standalone: true })
export class LocalTimePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(iso: string | null | undefined, style: LocalTimeStyle = 'dateTime'): string {
    return iso ? formatLocalTime(iso, this.locale, style) : '';
  }
}
