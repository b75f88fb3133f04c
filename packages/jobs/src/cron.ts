// Next run of a cron expression in a time zone (cron-parser, the library pg-boss itself uses).
import parser from 'cron-parser';

export function nextCronRun(cron: string, timeZone: string, after: Date): Date {
  return parser.parseExpression(cron, { currentDate: after, tz: timeZone }).next().toDate();
}

export function assertValidCron(cron: string): void {
  parser.parseExpression(cron);
}
