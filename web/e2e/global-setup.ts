// Starts `kreda demo` on a free loopback port with a throwaway database and waits for /healthz.
// Tests find the server through KREDA_E2E_BASE_URL and the demo accounts through KREDA_E2E_LOGINS.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string, exited: () => string | null, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`kreda demo exited early (${exit}); its log:\n${tail(log)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`kreda demo did not answer ${url}/healthz within 60 s; its log:\n${tail(log)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no log)';
  }
}

export default async function globalSetup(): Promise<void> {
  const binary = process.env.KREDA_BIN ? resolve(process.env.KREDA_BIN) : resolve(web, '../build/kreda');
  const webRoot = resolve(web, 'dist');
  if (!existsSync(binary)) throw new Error(`${binary} not found: build the server first (make build)`);
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`${webRoot}/index.html not found: run npm run build`);

  const dir = mkdtempSync(join(tmpdir(), 'kreda-e2e-'));
  const port = await freePort();
  const logins = join(dir, 'logins.json');
  const log = join(dir, 'server.log');
  const out = openSync(log, 'a');
  const args = [
    'demo',
    '--db',
    join(dir, 'e2e.db'),
    '--port',
    String(port),
    '--listen',
    '127.0.0.1',
    '--logins-json',
    logins,
    '--web-root',
    webRoot,
  ];
  const child = spawn(binary, args, { env: { ...process.env, KREDA_LOG_REQUESTS: '0' }, stdio: ['ignore', out, out] });
  let exit: string | null = null;
  child.on('exit', (code, signal) => {
    exit = `code ${code}, signal ${signal}`;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, () => exit, log);
    if (!existsSync(logins)) throw new Error(`kreda demo did not write ${logins}`);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  process.env.KREDA_E2E_BASE_URL = baseUrl;
  process.env.KREDA_E2E_LOGINS = logins;
  process.env.KREDA_E2E_DIR = dir;
  process.env.KREDA_E2E_PID = String(child.pid);
  child.unref();
}
