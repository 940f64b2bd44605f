CREATE TABLE "ledger_totals" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"category_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"entry_count" integer NOT NULL,
	CONSTRAINT "ledger_totals_org_id_period_category_id_pk" PRIMARY KEY("org_id","period","category_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_totals" ADD CONSTRAINT "ledger_totals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_totals" ADD CONSTRAINT "ledger_totals_category_id_fund_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."fund_categories"("id") ON DELETE no action ON UPDATE no action;