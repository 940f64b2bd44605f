CREATE TABLE "checkup_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"date" date NOT NULL,
	"time_slot" text NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkup_batches_capacity" CHECK ("checkup_batches"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "checkup_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"age" integer NOT NULL,
	"department_id" uuid NOT NULL,
	"department_name" text NOT NULL,
	"employment_type" text NOT NULL,
	"extra_items" text[] DEFAULT '{}' NOT NULL,
	"batch_id" uuid,
	"attendance" text DEFAULT 'pending' NOT NULL,
	"attendance_at" timestamp with time zone,
	"follow_up" boolean DEFAULT false NOT NULL,
	"follow_up_note_enc" "bytea",
	"follow_up_at" timestamp with time zone,
	"follow_up_by_name" text,
	"aid_case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkup_participants_member" UNIQUE("org_id","programme_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "checkup_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"provider" text,
	"budget_per_person_fen" bigint,
	"reference_date" date NOT NULL,
	"employment_types" text[] DEFAULT '{}' NOT NULL,
	"min_service_years" integer,
	"min_age" integer,
	"max_age" integer,
	"statuses" text[] DEFAULT '{"member"}' NOT NULL,
	"women_extra_items" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"eligible_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkup_programmes_name" UNIQUE("org_id","year","name"),
	CONSTRAINT "checkup_programmes_rules" CHECK (coalesce("checkup_programmes"."min_age", 0) <= coalesce("checkup_programmes"."max_age", 200) and coalesce("checkup_programmes"."budget_per_person_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "donation_drives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"beneficiary_member_id" uuid,
	"beneficiary_name" text NOT NULL,
	"reason_enc" "bytea",
	"target_fen" bigint,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"cancel_reason" text,
	"handover_date" date,
	"handover_fen" bigint,
	"handover_payee" text,
	"handover_note" text,
	"handed_over_by_name" text,
	"income_entry_id" uuid,
	"expense_entry_id" uuid,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_drives_target" CHECK ("donation_drives"."target_fen" is null or "donation_drives"."target_fen" > 0),
	CONSTRAINT "donation_drives_dates" CHECK ("donation_drives"."end_date" is null or "donation_drives"."end_date" >= "donation_drives"."start_date")
);
--> statement-breakpoint
CREATE TABLE "donation_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"drive_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" text DEFAULT 'staged' NOT NULL,
	"file_name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"payload_enc" "bytea",
	"summary" jsonb NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"drive_id" uuid NOT NULL,
	"member_id" uuid,
	"donor_name" text NOT NULL,
	"department_id" uuid,
	"amount_fen" bigint NOT NULL,
	"date" date NOT NULL,
	"name_consent" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	"removed_by_name" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_amount" CHECK ("donations"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "checkup_batches" ADD CONSTRAINT "checkup_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_batches" ADD CONSTRAINT "checkup_batches_programme_id_checkup_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."checkup_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_participants" ADD CONSTRAINT "checkup_participants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_participants" ADD CONSTRAINT "checkup_participants_programme_id_checkup_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."checkup_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_participants" ADD CONSTRAINT "checkup_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_participants" ADD CONSTRAINT "checkup_participants_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_participants" ADD CONSTRAINT "checkup_participants_batch_id_checkup_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."checkup_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_programmes" ADD CONSTRAINT "checkup_programmes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_drives" ADD CONSTRAINT "donation_drives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_drives" ADD CONSTRAINT "donation_drives_beneficiary_member_id_members_id_fk" FOREIGN KEY ("beneficiary_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_imports" ADD CONSTRAINT "donation_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_imports" ADD CONSTRAINT "donation_imports_drive_id_donation_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."donation_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_imports" ADD CONSTRAINT "donation_imports_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_drive_id_donation_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."donation_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_import_id_donation_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."donation_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkup_batches_programme" ON "checkup_batches" USING btree ("org_id","programme_id","date");--> statement-breakpoint
CREATE INDEX "checkup_participants_department" ON "checkup_participants" USING btree ("org_id","programme_id","department_name","name");--> statement-breakpoint
CREATE INDEX "checkup_participants_batch" ON "checkup_participants" USING btree ("org_id","programme_id","batch_id");--> statement-breakpoint
CREATE INDEX "checkup_participants_of_member" ON "checkup_participants" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "checkup_programmes_org_year" ON "checkup_programmes" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "donation_drives_org_start" ON "donation_drives" USING btree ("org_id","start_date");--> statement-breakpoint
CREATE INDEX "donation_imports_org_drive" ON "donation_imports" USING btree ("org_id","drive_id","created_at");--> statement-breakpoint
CREATE INDEX "donations_org_drive" ON "donations" USING btree ("org_id","drive_id","department_id");--> statement-breakpoint
CREATE INDEX "donations_org_member" ON "donations" USING btree ("org_id","member_id");