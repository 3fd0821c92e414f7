import { spawn, type ChildProcess } from 'node:child_process';

export interface PreviewServer {
  url: string;
  stop(): void;
}

/** `vite preview` of dist/renderer; its own process group so stop() also ends the node under npx. */
export async function startPreview(root: string, port: number): Promise<PreviewServer> {
  const url = `http://127.0.0.1:${port}/`;
  const proc: ChildProcess = spawn('npx', ['vite', 'preview', '--config', 'vite.config.ts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exited = false;
  proc.on('exit', () => (exited = true));
  const stop = (): void => {
    if (exited || proc.pid === undefined) return;
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      // Already gone between the check and the kill.
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited: ${stderr.slice(-2000)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url} within 60 s`);
}
