CREATE TABLE "handling_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"detail" jsonb,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handling_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"co_department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"due_date" date NOT NULL,
	"state" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"reopen_reason" text,
	"rater_member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"satisfaction" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"due_soon_notified_round" integer DEFAULT 0 NOT NULL,
	"overdue_notified_round" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handling_items_subject" UNIQUE("org_id","subject_type","subject_id")
);
--> statement-breakpoint
CREATE TABLE "handling_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"member_id" uuid,
	"satisfaction" text NOT NULL,
	"reason" text,
	"rater_id" uuid,
	"rater_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handling_ratings_once" UNIQUE NULLS NOT DISTINCT("org_id","item_id","round","member_id")
);
--> statement-breakpoint
CREATE TABLE "handling_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"department_id" uuid NOT NULL,
	"content" text NOT NULL,
	"done_on" date NOT NULL,
	"department_role" text NOT NULL,
	"responder_id" uuid,
	"responder_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handling_events" ADD CONSTRAINT "handling_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_events" ADD CONSTRAINT "handling_events_item_id_handling_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."handling_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_items" ADD CONSTRAINT "handling_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_items" ADD CONSTRAINT "handling_items_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_ratings" ADD CONSTRAINT "handling_ratings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_ratings" ADD CONSTRAINT "handling_ratings_item_id_handling_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."handling_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_responses" ADD CONSTRAINT "handling_responses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_responses" ADD CONSTRAINT "handling_responses_item_id_handling_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."handling_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_responses" ADD CONSTRAINT "handling_responses_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handling_events_item" ON "handling_events" USING btree ("org_id","item_id","created_at");--> statement-breakpoint
CREATE INDEX "handling_items_org_lead" ON "handling_items" USING btree ("org_id","lead_department_id","state","due_date");--> statement-breakpoint
CREATE INDEX "handling_items_org_state_due" ON "handling_items" USING btree ("org_id","state","due_date");--> statement-breakpoint
CREATE INDEX "handling_responses_item" ON "handling_responses" USING btree ("org_id","item_id","created_at");