// Row ↔ domain conversions shared by the repositories (see schema.ts for why instants and flags vary).
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toDateOrNull(value: Date | string | null | undefined): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

export function iso(value: Date): string {
  return value.toISOString();
}

export function isoOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

export function fromFlag(value: number | boolean): boolean {
  return value === true || value === 1;
}

export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}
