import { useEffect, useState } from 'react';
import { startEngine, type EngineClient } from '../engine/client';

/** Placeholder shell: replaced by the real workbench layout. */
export function App() {
  const [client] = useState<EngineClient>(() => startEngine());
  const [status, setStatus] = useState('starting engine…');
  useEffect(() => client.onEvent((event) => event.type === 'ready' && setStatus(`engine ready in ${Math.round(event.elapsedMs)} ms`)), [client]);
  return <main data-testid="app">Recon Workbench — {status}</main>;
}
