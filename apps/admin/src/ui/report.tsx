// What a page says after an action: a success in its status region, a failure in its alert region (both always
// in the page, so a screen reader hears each change). A page another page sent here with a notice (the feeds
// list after a feed's page removed it) shows that notice first.
import { useEffect, useState } from 'react';
import { clearNavigationNote, readNavigationNote } from '../router.js';
import { errorMessage } from '../trpc.js';

export type Report = { done: (message: string) => void; failed: (error: unknown) => void; clear: () => void };
export type Reported = { notice: string | null; problem: string | null };

export function useReport(): [Report, Reported] {
  const [state, setState] = useState<Reported>(() => ({
    notice: readNavigationNote()?.notice ?? null,
    problem: null,
  }));
  // Shown once: a reload or Back does not say it again.
  useEffect(() => clearNavigationNote('notice'), []);
  const report: Report = {
    done: (notice) => setState({ notice, problem: null }),
    failed: (error) => setState({ notice: null, problem: errorMessage(error) }),
    clear: () => setState({ notice: null, problem: null }),
  };
  return [report, state];
}

export function ReportRegions({ notice, problem }: Reported) {
  return (
    <>
      <p role="status" aria-live="polite" className="notice ok">
        {notice}
      </p>
      <p role="alert" className="notice error">
        {problem}
      </p>
    </>
  );
}
