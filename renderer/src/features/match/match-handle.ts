/** What the app's commands (menu F8 / Shift+F8, Escape) can ask of the match view. */
export interface MatchHandle {
  /** Moves to the next (1) or previous (−1) difference; false when the view has no run to step through. */
  step(direction: 1 | -1): boolean;
  /** Cancels the run under way; false when there is none (so Escape keeps its other meanings). */
  cancelRun(): boolean;
}

/** The part the results pane answers; the view itself answers cancelRun, results or not. */
export type StepHandle = Pick<MatchHandle, 'step'>;
