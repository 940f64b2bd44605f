CREATE TABLE "aid_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_case_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rule_id" uuid NOT NULL,
	"applied_on" date NOT NULL,
	"amount_asked_fen" bigint NOT NULL,
	"amount_granted_fen" bigint,
	"reason_enc" "bytea" NOT NULL,
	"checklist" jsonb NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"approval_level" text,
	"committee_meeting_on" date,
	"committee_resolution" text,
	"notice_from" date,
	"notice_until" date,
	"paid_on" date,
	"ledger_entry_id" uuid,
	"refused_reason" text,
	"source_module" text,
	"source_id" text,
	"applied_by" uuid,
	"applied_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_cases_amounts" CHECK ("aid_cases"."amount_asked_fen" > 0 and ("aid_cases"."amount_granted_fen" is null or ("aid_cases"."amount_granted_fen" > 0 and "aid_cases"."amount_granted_fen" <= "aid_cases"."amount_asked_fen")))
);
--> statement-breakpoint
ALTER TABLE "aid_case_events" ADD CONSTRAINT "aid_case_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_case_events" ADD CONSTRAINT "aid_case_events_case_id_aid_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."aid_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_case_files" ADD CONSTRAINT "aid_case_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_case_files" ADD CONSTRAINT "aid_case_files_case_id_aid_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."aid_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_cases" ADD CONSTRAINT "aid_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_cases" ADD CONSTRAINT "aid_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_cases" ADD CONSTRAINT "aid_cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_cases" ADD CONSTRAINT "aid_cases_rule_id_welfare_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."welfare_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_cases" ADD CONSTRAINT "aid_cases_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_cases" ADD CONSTRAINT "aid_cases_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aid_case_events_case" ON "aid_case_events" USING btree ("org_id","case_id","created_at");--> statement-breakpoint
CREATE INDEX "aid_case_files_case" ON "aid_case_files" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE INDEX "aid_cases_org_applied" ON "aid_cases" USING btree ("org_id","applied_on");--> statement-breakpoint
CREATE INDEX "aid_cases_org_member" ON "aid_cases" USING btree ("org_id","member_id","kind");--> statement-breakpoint
CREATE INDEX "aid_cases_org_department" ON "aid_cases" USING btree ("org_id","department_id");--> statement-breakpoint
CREATE INDEX "aid_cases_org_state" ON "aid_cases" USING btree ("org_id","state");