/** What the app's commands (menu F8 / Shift+F8) can ask of the match view. */
export interface MatchHandle {
  /** Moves to the next (1) or previous (−1) difference; false when the view has no run to step through. */
  step(direction: 1 | -1): boolean;
}
