// Which page links a listing shows: the first and last page, and two either side of the current one, with a gap
// marker where pages are left out — so a listing of 1,000 pages has a handful of links, not a thousand. Listings
// of up to 7 pages show them all.
export type PageSlot = number | 'gap';

export function pageWindow(page: number, pages: number, radius = 2): PageSlot[] {
  // Short listings show every page: a gap would save at most a link or two.
  if (pages <= 2 * radius + 3) return Array.from({ length: pages }, (_, i) => i + 1);
  const shown = new Set<number>([1, pages]);
  for (let n = page - radius; n <= page + radius; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  for (const n of sorted) {
    const previous = slots.at(-1);
    // A gap of one page is shown as that page: "1 … 3" would hide a single link behind the marker.
    if (typeof previous === 'number' && n - previous === 2) slots.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) slots.push('gap');
    slots.push(n);
  }
  return slots;
}
