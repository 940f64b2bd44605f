import Fastify from 'fastify';
import { createPool } from '../../server/db/client.js';

// The machine's ceilings, served by bare Fastify in its own process (like the app under test):
//   GET  /constant  a constant JSON body, no database
//   GET  /select    one SELECT by primary key through pg (random row of 10,000)
//   POST /insert    one single-row INSERT in its own transaction (BEGIN, INSERT, COMMIT)
// Same pg pool size as the app (server/db/client.ts), so the ceilings are what the app could reach.

const ROWS = 10_000;
const pool = createPool(process.env.DATABASE_URL!);

await pool.query(`
  create table if not exists bench_ceiling_rows (id integer primary key, name text not null, note text);
  create table if not exists bench_ceiling_writes (
    id bigint generated always as identity primary key,
    payload text not null,
    created_at timestamptz not null default now()
  );
  insert into bench_ceiling_rows
    select i, 'row ' || i, md5(i::text) from generate_series(1, ${ROWS}) i
  on conflict do nothing;
`);

const app = Fastify({ logger: false });
app.get('/constant', async () => ({ ok: true }));
app.get('/select', async () => {
  const id = 1 + Math.floor(Math.random() * ROWS);
  const r = await pool.query('select id, name, note from bench_ceiling_rows where id = $1', [id]);
  return { data: r.rows[0] };
});
app.post('/insert', async (req) => {
  const payload = JSON.stringify(req.body ?? {});
  const c = await pool.connect();
  try {
    await c.query('begin');
    const r = await c.query('insert into bench_ceiling_writes (payload) values ($1) returning id', [payload]);
    await c.query('commit');
    return { data: r.rows[0] };
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
});

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
