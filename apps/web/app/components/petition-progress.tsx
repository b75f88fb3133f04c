// A petition's count towards its goal: the figures in words and a <progress> bar (no inline styles: the CSP has
// none). `live` names the small script's endpoint that refreshes the count without a reload (campaign-count.js).
import { useId } from 'react';

export interface PetitionFigures {
  count: number;
  countText: string;
  goal: number | null;
  goalText: string | null;
  percent: number | null;
}

export function PetitionProgress({
  figures,
  text,
  live,
}: {
  figures: PetitionFigures;
  text: { countOfGoal: (count: string, goal: string) => string; signatures: (count: string) => string };
  live?: string;
}) {
  const id = useId();
  const words =
    figures.goal !== null && figures.goalText !== null
      ? text.countOfGoal(figures.countText, figures.goalText)
      : text.signatures(figures.countText);
  return (
    <div className="petition-progress" {...(live ? { 'data-count-url': live } : {})}>
      <p id={id} className="count" aria-live={live ? 'polite' : undefined}>
        {words}
      </p>
      {figures.goal !== null ? (
        <progress aria-labelledby={id} max={figures.goal} value={Math.min(figures.count, figures.goal)}>
          {figures.percent}%
        </progress>
      ) : null}
    </div>
  );
}
