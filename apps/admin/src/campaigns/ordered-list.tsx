// The buttons beside each item of a list whose order matters (a campaign's milestones, its related articles): move
// up, move down, remove — each naming the item, so a screen reader says which one it acts on.

/** `list` with the item at `from` moved to `to` (a move past either end changes nothing). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function ItemControls<T>({
  list,
  index,
  name,
  onChange,
  ordered = true,
}: {
  list: readonly T[];
  index: number;
  /** What the item is called, for the buttons' names: “Move “500 signatures” up”. */
  name: string;
  onChange: (list: T[]) => void;
  ordered?: boolean;
}) {
  return (
    <span className="item-controls">
      {ordered ? (
        <>
          <button
            type="button"
            className="secondary"
            disabled={index === 0}
            aria-label={`Move “${name}” up`}
            onClick={() => onChange(moved(list, index, index - 1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="secondary"
            disabled={index === list.length - 1}
            aria-label={`Move “${name}” down`}
            onClick={() => onChange(moved(list, index, index + 1))}
          >
            ↓
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="secondary"
        aria-label={`Remove “${name}”`}
        onClick={() => onChange(list.filter((_, i) => i !== index))}
      >
        Remove
      </button>
    </span>
  );
}
