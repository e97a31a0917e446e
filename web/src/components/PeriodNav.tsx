// Stepping through weeks or months: the previous and next buttons around the period shown (announced politely when it
// changes), and a way back to the present period when another is shown.
import type { ComponentChildren } from 'preact';

export function PeriodNav({
  label,
  testId,
  prev,
  next,
  onPrev,
  onNext,
  back,
}: {
  /** The period shown, e.g. "Anna Nowak: 7–11 września 2026". */
  label: ComponentChildren;
  testId: string;
  prev: string;
  next: string;
  onPrev: () => void;
  onNext: () => void;
  /** The button back to the present period; absent while it is shown. */
  back?: { label: string; onClick: () => void };
}) {
  return (
    <>
      <div class="week-nav">
        <button type="button" class="button" onClick={onPrev}>
          <span aria-hidden="true">← </span>
          {prev}
        </button>
        <p class="week-range" aria-live="polite" data-testid={testId}>
          {label}
        </p>
        <button type="button" class="button" onClick={onNext}>
          {next}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      {back && (
        <p>
          <button type="button" class="button small" onClick={back.onClick}>
            {back.label}
          </button>
        </p>
      )}
    </>
  );
}
