/** Before the first run: what the view is for and what to do first. */
export function MatchEmpty({ tableCount, isRunning }: { tableCount: number; isRunning: boolean }) {
  return (
    <section className="match-empty" aria-label="No match run yet">
      {isRunning ? (
        <p className="match-empty-running">
          <span className="spinner" /> Matching…
        </p>
      ) : (
        <div className="match-empty-card">
          <h2>Reconcile two tables</h2>
          {tableCount < 2 ? (
            <p>Load a processor export and a bank statement first (Open… or drop the files on the window), then come back here.</p>
          ) : (
            <ol>
              <li>Pick the left table (e.g. the processor export) and the right one (the bank statement).</li>
              <li>Choose the key that ties them (a payout id; a regex can pull it out of a remittance text), the amount and the date.</li>
              <li>
                <strong>Preview</strong> to check the keys, then <strong>Run match</strong>. The summary ties out both totals per currency.
              </li>
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
