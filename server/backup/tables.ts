import type pg from 'pg';

// The tables to back up are read from the database itself, so a module's new table is included
// without anyone listing it here.

export interface TableInfo {
  name: string;
  /** Stored columns in table order; generated columns are recomputed by PostgreSQL on load. */
  columns: string[];
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Ordinary tables of the public schema with their stored columns, in foreign-key dependency order. */
export async function discoverTables(client: Queryable): Promise<TableInfo[]> {
  const cols = await client.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind = 'r'
      order by c.relname, a.attnum`,
  );
  const byTable = new Map<string, string[]>();
  for (const r of cols.rows) {
    const list = byTable.get(r.table) ?? [];
    list.push(r.column);
    byTable.set(r.table, list);
  }
  const fks = await client.query<{ child: string; parent: string }>(
    `select ch.relname as child, pa.relname as parent
       from pg_constraint k
       join pg_class ch on ch.oid = k.conrelid
       join pg_class pa on pa.oid = k.confrelid
       join pg_namespace n on n.oid = ch.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const order = dependencyOrder([...byTable.keys()], fks.rows);
  return order.map((name) => ({ name, columns: byTable.get(name)! }));
}

/**
 * Parents before children (Kahn's algorithm), ties broken by name so the order is stable.
 * Self-references need no order (PostgreSQL checks a COPY's foreign keys at the end of the statement);
 * tables left in a cycle follow by name.
 */
export function dependencyOrder(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of edges) {
    if (child !== parent && known.has(child) && known.has(parent)) parents.get(child)!.add(parent);
  }
  const done = new Set<string>();
  const out: string[] = [];
  const sorted = [...tables].sort();
  for (;;) {
    const ready = sorted.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (ready.length === 0) break;
    // Take one at a time so a table released by this one still sorts by name among the ready ones.
    out.push(ready[0]);
    done.add(ready[0]);
  }
  for (const t of sorted) if (!done.has(t)) out.push(t);
  return out;
}
