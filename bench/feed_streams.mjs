// Live streams for the feed benchmark: opens many GET /api/v1/feed/stream connections (Server-Sent Events).
//   node bench/feed_streams.mjs latency BASE PARENT_TOKEN TEACHER_TOKEN ASSIGNMENT CHILD CATEGORY STREAMS SAVES
//     the parent's child gets a grade WARMUP + SAVES times; prints the save's latency and, over every stream and
//     counted save, the time from sending the save to the entry's arrival (p50, p99), how many arrivals were
//     missing, and apart the first (cold) save's last arrival: the first WARMUP saves after the streams opened
//     warm both sides (the server's first write on each connection, this client's JIT) and are not counted.
//   node bench/feed_streams.mjs idle BASE TOKEN STREAMS
//     opens the streams, prints "ready" once all are open, and holds them until stdin closes.
import http from 'node:http';

const [mode, base, token, ...rest] = process.argv.slice(2);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const percentile = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function openStream(onEvent) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: url.hostname, port: url.port, path: '/api/v1/feed/stream', agent, headers: { Authorization: `Bearer ${token}` } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`stream: HTTP ${response.statusCode}`));
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
            if (event === 'ready') resolve();
            else if (event) onEvent(event, data);
          }
        });
      },
    );
    request.on('error', reject);
  });
}

async function openMany(count, onEvent) {
  for (let i = 0; i < count; i += 200)
    await Promise.all(Array.from({ length: Math.min(200, count - i) }, (_, k) => openStream((e, d) => onEvent(i + k, e, d))));
}

async function post(path, bearer, body) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`save: HTTP ${response.status} ${await response.text()}`);
  return performance.now() - started;
}

if (mode === 'idle') {
  await openMany(Number(rest[0]), () => {});
  console.log('ready');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  const [teacher, assignment, child, category, streams, saves] = rest;
  const count = Number(streams);
  let waiting = null;
  await openMany(count, (_, event, data) => {
    if (event === 'entry' && waiting && data.includes(waiting.marker)) {
      waiting.arrivals.push(performance.now() - waiting.sent);
      if (waiting.arrivals.length === count) waiting.done();
    }
  });
  const WARMUP = 5;
  const arrivals = [];
  const afterSave = []; // from the save's answer (its commit) to each arrival
  const saveTimes = [];
  let missing = 0;
  let coldLast = 0;
  for (let i = -WARMUP; i < Number(saves); i++) {
    const marker = `bench-live-${Date.now()}-${i}`;
    const round = { marker, arrivals: [], sent: performance.now() };
    const all = new Promise((resolve) => (round.done = resolve));
    waiting = round;
    const saved = await post('/api/v1/grades', teacher, {
      assignment_id: Number(assignment),
      columns: [{ category_id: Number(category), date: new Date().toISOString().slice(0, 10), description: marker, grades: [{ student_id: Number(child), value: '5' }] }],
    });
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 5000))]);
    missing += count - round.arrivals.length; // none may be missing, warm-up or not
    if (i === -WARMUP) coldLast = round.arrivals.length ? Math.max(...round.arrivals) : null;
    if (i < 0) continue;
    saveTimes.push(saved);
    arrivals.push(...round.arrivals);
    afterSave.push(...round.arrivals.map((a) => Math.max(0, a - saveTimes[saveTimes.length - 1])));
  }
  const f = (x) => x.toFixed(1);
  console.log(
    JSON.stringify({
      save_median_ms: f(percentile(saveTimes, 0.5)),
      save_max_ms: f(Math.max(...saveTimes)),
      arrival_p50_ms: f(percentile(arrivals, 0.5)),
      arrival_p99_ms: f(percentile(arrivals, 0.99)),
      after_save_p50_ms: f(percentile(afterSave, 0.5)),
      after_save_p99_ms: f(percentile(afterSave, 0.99)),
      arrivals: arrivals.length,
      missing,
      cold_last_ms: coldLast === null ? 'none arrived' : f(coldLast),
    }),
  );
  process.exit(0);
}
