CREATE TABLE "care_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"visit_id" uuid,
	"dismiss_reason" text,
	"reported_by" uuid,
	"reported_by_name" text,
	"closed_by" uuid,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_photos_org_visit" UNIQUE("org_id","visit_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"visit_date" date NOT NULL,
	"visitors" text NOT NULL,
	"gift" text,
	"cash_fen" bigint DEFAULT 0 NOT NULL,
	"rule_id" uuid NOT NULL,
	"standard_fen" bigint NOT NULL,
	"notes" text,
	"festival" text,
	"batch_id" uuid,
	"event_id" uuid,
	"ledger_entry_id" uuid,
	"status" text DEFAULT 'done' NOT NULL,
	"cancel_reason" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_name" text,
	"reversal_entry_id" uuid,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visits_cash" CHECK ("visits"."cash_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_rule_id_welfare_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."welfare_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_event_id_care_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."care_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_reversal_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_events_org_status" ON "care_events" USING btree ("org_id","status","event_date");--> statement-breakpoint
CREATE INDEX "care_events_org_member" ON "care_events" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "visits_org_date" ON "visits" USING btree ("org_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_org_member_reason" ON "visits" USING btree ("org_id","member_id","reason","visit_date");--> statement-breakpoint
CREATE INDEX "visits_org_reason_date" ON "visits" USING btree ("org_id","reason","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_org_festival_member" ON "visits" USING btree ("org_id","festival","member_id") WHERE "visits"."festival" is not null and "visits"."status" = 'done';--> statement-breakpoint
CREATE UNIQUE INDEX "visits_org_event" ON "visits" USING btree ("org_id","event_id") WHERE "visits"."event_id" is not null and "visits"."status" = 'done';