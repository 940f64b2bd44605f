-- The ledger is append-only: a correction is a reversing entry, never an edit or a removal.
CREATE OR REPLACE FUNCTION ledger_entries_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_delete BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();
--> statement-breakpoint
-- A closed period stays closed: no reopening, by any route.
CREATE OR REPLACE FUNCTION fund_periods_closed_forever() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'fund_periods cannot be reopened' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER fund_periods_no_update_delete BEFORE UPDATE OR DELETE ON fund_periods
  FOR EACH ROW EXECUTE FUNCTION fund_periods_closed_forever();
--> statement-breakpoint
-- The backstop behind the posting service's own check: no entry lands in a closed period, whatever
-- inserts it. The service maps this error (SQLSTATE GHF01) to 409 该期间已结账.
CREATE OR REPLACE FUNCTION ledger_entries_open_period() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM fund_periods WHERE org_id = NEW.org_id AND period = NEW.period) THEN
    RAISE EXCEPTION 'period % is closed', NEW.period USING ERRCODE = 'GHF01';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_period_open BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_open_period();
