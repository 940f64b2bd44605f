CREATE TABLE "welfare_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"code" text NOT NULL,
	"standard_fen" bigint NOT NULL,
	"gift_note" text,
	"yearly_cap_fen" bigint,
	"yearly_times" integer,
	"approver" text NOT NULL,
	"committee_above_fen" bigint,
	"category_code" text NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "welfare_rules_version" UNIQUE("org_id","subject","code","effective_from"),
	CONSTRAINT "welfare_rules_amounts" CHECK ("welfare_rules"."standard_fen" >= 0 and coalesce("welfare_rules"."yearly_cap_fen", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE "welfare_rules" ADD CONSTRAINT "welfare_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;