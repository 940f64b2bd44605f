CREATE TABLE "congress_check_ins" (
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"method" text NOT NULL,
	"by_user_id" uuid,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_check_ins_pk" PRIMARY KEY("org_id","meeting_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "congress_delegates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delegation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_delegates_org_term_member" UNIQUE("org_id","term_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "congress_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text,
	"agenda" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"quorum_numerator" integer DEFAULT 2 NOT NULL,
	"quorum_denominator" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_meetings_org_term_number" UNIQUE("org_id","term_id","number"),
	CONSTRAINT "congress_meetings_quorum" CHECK ("congress_meetings"."quorum_numerator" > 0 and "congress_meetings"."quorum_numerator" <= "congress_meetings"."quorum_denominator")
);
--> statement-breakpoint
CREATE TABLE "congress_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_terms_org_number" UNIQUE("org_id","number")
);
--> statement-breakpoint
CREATE TABLE "dues_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"from_month" text NOT NULL,
	"to_month" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_exemptions_months" CHECK ("dues_exemptions"."to_month" is null or "dues_exemptions"."to_month" >= "dues_exemptions"."from_month")
);
--> statement-breakpoint
CREATE TABLE "dues_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'staged' NOT NULL,
	"replace" boolean DEFAULT false NOT NULL,
	"file_name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"payload_enc" "bytea",
	"summary" jsonb NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"ledger_entry_id" uuid,
	"reversal_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "dues_imports_month" CHECK ("dues_imports"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"month" text NOT NULL,
	"base_salary_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"expected_fen" bigint NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_payments_org_member_month" UNIQUE("org_id","member_id","month"),
	CONSTRAINT "dues_payments_amounts" CHECK ("dues_payments"."base_salary_fen" >= 0 and "dues_payments"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dues_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"effective_from" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_rates_org_from" UNIQUE("org_id","effective_from"),
	CONSTRAINT "dues_rates_month" CHECK ("dues_rates"."effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_rates_bp" CHECK ("dues_rates"."rate_bp" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"from_month" text NOT NULL,
	"to_month" text NOT NULL,
	"received_on" date NOT NULL,
	"payroll_total_fen" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"retained_bp" integer NOT NULL,
	"retained_fen" bigint NOT NULL,
	"voucher_no" text,
	"note" text,
	"ledger_entry_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocations_months" CHECK ("fund_allocations"."to_month" >= "fund_allocations"."from_month")
);
--> statement-breakpoint
CREATE TABLE "budget_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category_id" uuid NOT NULL,
	"delta_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_adjustments_delta_nonzero" CHECK ("budget_adjustments"."delta_fen" <> 0)
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_org_year_category" UNIQUE("org_id","year","category_id"),
	CONSTRAINT "budgets_amount_non_negative" CHECK ("budgets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "expense_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"action" text NOT NULL,
	"step" text,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"no" text NOT NULL,
	"year" integer NOT NULL,
	"purpose" text NOT NULL,
	"category_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payee" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"over_budget" boolean DEFAULT false NOT NULL,
	"committee_meeting_date" date,
	"committee_minutes_ref" text,
	"refusal_reason" text,
	"paid_date" date,
	"pay_method" text,
	"voucher_no" text,
	"ledger_entry_id" uuid,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_requests_org_no" UNIQUE("org_id","no"),
	CONSTRAINT "expense_requests_amount_positive" CHECK ("expense_requests"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"sort" integer DEFAULT 0 NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"over_budget_rule" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_categories_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "fund_categories_org_parent_name" UNIQUE("org_id","parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "fund_periods" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_by_name" text,
	CONSTRAINT "fund_periods_org_id_period_pk" PRIMARY KEY("org_id","period")
);
--> statement-breakpoint
CREATE TABLE "fund_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"over_budget_rule" text DEFAULT 'flag' NOT NULL,
	"officer_limit_fen" bigint DEFAULT 200000 NOT NULL,
	"chair_limit_fen" bigint DEFAULT 2000000 NOT NULL,
	"direct_post_limit_fen" bigint DEFAULT 200000 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"category_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"counterparty" text NOT NULL,
	"summary" text NOT NULL,
	"voucher_no" text,
	"source_module" text NOT NULL,
	"source_id" text,
	"expense_request_id" uuid,
	"reverses_entry_id" uuid,
	"approved_by" text,
	"over_budget" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_period_of_date" CHECK ("ledger_entries"."period" = to_char("ledger_entries"."entry_date", 'YYYY-MM')),
	CONSTRAINT "ledger_entries_sign" CHECK (("ledger_entries"."reverses_entry_id" is null and "ledger_entries"."amount_fen" > 0) or ("ledger_entries"."reverses_entry_id" is not null and "ledger_entries"."amount_fen" < 0))
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"choice" text,
	"candidate_ids" uuid[],
	"write_ins" text[]
);
--> statement-breakpoint
CREATE TABLE "poll_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"member_id" uuid,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"write_in" boolean DEFAULT false NOT NULL,
	"paper_votes" integer,
	CONSTRAINT "poll_candidates_org_poll_name" UNIQUE("org_id","poll_id","name")
);
--> statement-breakpoint
CREATE TABLE "poll_voter_list" (
	"org_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	CONSTRAINT "poll_voter_list_pk" PRIMARY KEY("org_id","poll_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "poll_voters" (
	"org_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"secret" boolean NOT NULL,
	"ballot_id" uuid,
	CONSTRAINT "poll_voters_pk" PRIMARY KEY("org_id","poll_id","delegate_id"),
	CONSTRAINT "poll_voters_secret_unlinked" CHECK (not "poll_voters"."secret" or "poll_voters"."ballot_id" is null)
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"secret" boolean NOT NULL,
	"mode" text NOT NULL,
	"base" text NOT NULL,
	"threshold" text NOT NULL,
	"requires_check_in" boolean DEFAULT true NOT NULL,
	"seats" integer,
	"allow_write_in" boolean DEFAULT false NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"previous_poll_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"paper_for" integer,
	"paper_against" integer,
	"paper_abstain" integer,
	"paper_invalid" integer,
	"paper_ballots" integer,
	"entitled_count" integer,
	"present_count" integer,
	"passed" boolean,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_id_secret" UNIQUE("id","secret")
);
--> statement-breakpoint
CREATE TABLE "fund_review_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"opinion" text NOT NULL,
	"findings" text,
	"reviewed_on" date NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_review_notes_org_period" UNIQUE("org_id","period"),
	CONSTRAINT "fund_review_notes_period" CHECK ("fund_review_notes"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "congress_check_ins" ADD CONSTRAINT "congress_check_ins_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_check_ins" ADD CONSTRAINT "congress_check_ins_meeting_id_congress_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."congress_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_check_ins" ADD CONSTRAINT "congress_check_ins_delegate_id_congress_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."congress_delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_term_id_congress_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_meetings" ADD CONSTRAINT "congress_meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_meetings" ADD CONSTRAINT "congress_meetings_term_id_congress_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_terms" ADD CONSTRAINT "congress_terms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_exemptions" ADD CONSTRAINT "dues_exemptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_exemptions" ADD CONSTRAINT "dues_exemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_imports" ADD CONSTRAINT "dues_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_import_id_dues_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dues_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_rates" ADD CONSTRAINT "dues_rates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_category_id_fund_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."fund_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_category_id_fund_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."fund_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_request_events" ADD CONSTRAINT "expense_request_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_request_events" ADD CONSTRAINT "expense_request_events_request_id_expense_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."expense_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_requests" ADD CONSTRAINT "expense_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_requests" ADD CONSTRAINT "expense_requests_category_id_fund_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."fund_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_attachments" ADD CONSTRAINT "fund_attachments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_attachments" ADD CONSTRAINT "fund_attachments_request_id_expense_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."expense_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_categories" ADD CONSTRAINT "fund_categories_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_periods" ADD CONSTRAINT "fund_periods_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_settings" ADD CONSTRAINT "fund_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_category_id_fund_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."fund_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_expense_request_id_expense_requests_id_fk" FOREIGN KEY ("expense_request_id") REFERENCES "public"."expense_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_candidates" ADD CONSTRAINT "poll_candidates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_candidates" ADD CONSTRAINT "poll_candidates_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_candidates" ADD CONSTRAINT "poll_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_voter_list" ADD CONSTRAINT "poll_voter_list_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_voter_list" ADD CONSTRAINT "poll_voter_list_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_voter_list" ADD CONSTRAINT "poll_voter_list_delegate_id_congress_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."congress_delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_voters" ADD CONSTRAINT "poll_voters_ballot_id_poll_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."poll_ballots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_voters" ADD CONSTRAINT "poll_voters_on_list_fk" FOREIGN KEY ("org_id","poll_id","delegate_id") REFERENCES "public"."poll_voter_list"("org_id","poll_id","delegate_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_voters" ADD CONSTRAINT "poll_voters_poll_secret_fk" FOREIGN KEY ("poll_id","secret") REFERENCES "public"."polls"("id","secret") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_meeting_id_congress_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."congress_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_previous_fk" FOREIGN KEY ("previous_poll_id") REFERENCES "public"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_review_notes" ADD CONSTRAINT "fund_review_notes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_delegates_org_member" ON "congress_delegates" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "congress_meetings_org_date" ON "congress_meetings" USING btree ("org_id","date");--> statement-breakpoint
CREATE INDEX "dues_exemptions_org_member" ON "dues_exemptions" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_imports_org_month_committed" ON "dues_imports" USING btree ("org_id","month") WHERE "dues_imports"."status" = 'committed';--> statement-breakpoint
CREATE INDEX "dues_imports_org_created" ON "dues_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "dues_payments_org_month" ON "dues_payments" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_org_import" ON "dues_payments" USING btree ("org_id","import_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_org_from" ON "fund_allocations" USING btree ("org_id","from_month");--> statement-breakpoint
CREATE INDEX "budget_adjustments_org_year" ON "budget_adjustments" USING btree ("org_id","year","category_id");--> statement-breakpoint
CREATE INDEX "expense_request_events_request" ON "expense_request_events" USING btree ("org_id","request_id","created_at");--> statement-breakpoint
CREATE INDEX "expense_requests_org_status" ON "expense_requests" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "expense_requests_org_year_category" ON "expense_requests" USING btree ("org_id","year","category_id","status");--> statement-breakpoint
CREATE INDEX "fund_attachments_request" ON "fund_attachments" USING btree ("org_id","request_id");--> statement-breakpoint
CREATE INDEX "fund_categories_org_parent" ON "fund_categories" USING btree ("org_id","parent_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_period" ON "ledger_entries" USING btree ("org_id","period","entry_date");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_date" ON "ledger_entries" USING btree ("org_id","entry_date","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_category_date" ON "ledger_entries" USING btree ("org_id","category_id","entry_date");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_source" ON "ledger_entries" USING btree ("org_id","source_module","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_reverses_once" ON "ledger_entries" USING btree ("org_id","reverses_entry_id");--> statement-breakpoint
CREATE INDEX "notification_outbox_org_pending" ON "notification_outbox" USING btree ("org_id","created_at") WHERE "notification_outbox"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_org_user_created" ON "notifications" USING btree ("org_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_org_user_unread" ON "notifications" USING btree ("org_id","user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "poll_ballots_org_poll" ON "poll_ballots" USING btree ("org_id","poll_id");--> statement-breakpoint
CREATE INDEX "polls_org_meeting" ON "polls" USING btree ("org_id","meeting_id");