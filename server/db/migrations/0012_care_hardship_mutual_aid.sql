CREATE TABLE "hardship_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_enc" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"outcome" text,
	"level_from" text,
	"level_to" text,
	"note_enc" "bytea",
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"level" text NOT NULL,
	"reasons" text[] NOT NULL,
	"details_enc" "bytea" NOT NULL,
	"registered_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_claim_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_enc" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"claimed_fen" bigint NOT NULL,
	"note_enc" "bytea",
	"status" text DEFAULT 'submitted' NOT NULL,
	"approved_fen" bigint,
	"refuse_reason" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"payout_fen" bigint,
	"paid_on" date,
	"payout_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_claims_amounts" CHECK ("mutual_aid_claims"."claimed_fen" > 0 and coalesce("mutual_aid_claims"."approved_fen", 1) > 0)
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"premium_fen" bigint NOT NULL,
	"enrolled_on" date NOT NULL,
	"premium_entry_id" uuid,
	"premium_paid_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_enrolments_plan_member" UNIQUE("org_id","plan_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"premium_fen" bigint NOT NULL,
	"payer" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_plans_org_year_name" UNIQUE("org_id","year","name"),
	CONSTRAINT "mutual_aid_plans_premium" CHECK ("mutual_aid_plans"."premium_fen" > 0),
	CONSTRAINT "mutual_aid_plans_period" CHECK ("mutual_aid_plans"."period_end" >= "mutual_aid_plans"."period_start")
);
--> statement-breakpoint
ALTER TABLE "hardship_documents" ADD CONSTRAINT "hardship_documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_documents" ADD CONSTRAINT "hardship_documents_file_id_hardship_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_events" ADD CONSTRAINT "hardship_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_events" ADD CONSTRAINT "hardship_events_file_id_hardship_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claim_documents" ADD CONSTRAINT "mutual_aid_claim_documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claim_documents" ADD CONSTRAINT "mutual_aid_claim_documents_claim_id_mutual_aid_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."mutual_aid_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_plan_id_mutual_aid_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutual_aid_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_plan_id_mutual_aid_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutual_aid_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_premium_entry_id_ledger_entries_id_fk" FOREIGN KEY ("premium_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_plans" ADD CONSTRAINT "mutual_aid_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_documents_file" ON "hardship_documents" USING btree ("org_id","file_id");--> statement-breakpoint
CREATE INDEX "hardship_events_file" ON "hardship_events" USING btree ("org_id","file_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_files_one_active" ON "hardship_files" USING btree ("org_id","member_id") WHERE "hardship_files"."status" = 'active';--> statement-breakpoint
CREATE INDEX "hardship_files_org_member" ON "hardship_files" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "hardship_files_org_status_review" ON "hardship_files" USING btree ("org_id","status","next_review_on");--> statement-breakpoint
CREATE INDEX "mutual_aid_claim_documents_claim" ON "mutual_aid_claim_documents" USING btree ("org_id","claim_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_org_plan" ON "mutual_aid_claims" USING btree ("org_id","plan_id","created_at");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_org_member" ON "mutual_aid_claims" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolments_org_member" ON "mutual_aid_enrolments" USING btree ("org_id","member_id");