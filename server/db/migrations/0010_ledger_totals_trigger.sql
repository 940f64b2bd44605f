-- ledger_totals follows every insert into the append-only ledger (entries are never updated or
-- deleted, so inserts are the only change to follow). Statement-level with a transition table, so a
-- bulk insert adds one row per (org, period, category) instead of one upsert per entry.
CREATE OR REPLACE FUNCTION ledger_totals_add() RETURNS trigger AS $$
BEGIN
  INSERT INTO ledger_totals (org_id, period, category_id, amount_fen, entry_count)
  SELECT org_id, period, category_id, sum(amount_fen), count(*)
  FROM new_rows
  GROUP BY org_id, period, category_id
  ORDER BY org_id, period, category_id
  ON CONFLICT (org_id, period, category_id) DO UPDATE
    SET amount_fen = ledger_totals.amount_fen + EXCLUDED.amount_fen,
        entry_count = ledger_totals.entry_count + EXCLUDED.entry_count;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_totals AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_add();
--> statement-breakpoint
INSERT INTO ledger_totals (org_id, period, category_id, amount_fen, entry_count)
SELECT org_id, period, category_id, sum(amount_fen), count(*)
FROM ledger_entries
GROUP BY org_id, period, category_id
ON CONFLICT (org_id, period, category_id) DO NOTHING;
