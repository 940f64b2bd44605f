CREATE TABLE "proposal_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_cosigners" (
	"org_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text DEFAULT 'invited' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_cosigners_pk" PRIMARY KEY("org_id","proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"min_cosigners" integer DEFAULT 2 NOT NULL,
	"categories" text[] DEFAULT array['医疗管理','后勤保障','职工福利','人事薪酬','其他']::text[] NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_windows_org_meeting" UNIQUE("org_id","meeting_id"),
	CONSTRAINT "proposal_windows_dates" CHECK ("proposal_windows"."opens_on" <= "proposal_windows"."closes_on")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" text,
	"seq" integer,
	"title" text NOT NULL,
	"reasons" text NOT NULL,
	"measures" text NOT NULL,
	"category" text NOT NULL,
	"proposer_member_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"converted_to_suggestion" boolean DEFAULT false NOT NULL,
	"topic_id" uuid,
	"satisfaction" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_org_meeting_seq" UNIQUE("org_id","meeting_id","seq")
);
--> statement-breakpoint
ALTER TABLE "proposal_attachments" ADD CONSTRAINT "proposal_attachments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_attachments" ADD CONSTRAINT "proposal_attachments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_cosigners" ADD CONSTRAINT "proposal_cosigners_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_cosigners" ADD CONSTRAINT "proposal_cosigners_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_cosigners" ADD CONSTRAINT "proposal_cosigners_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_topics" ADD CONSTRAINT "proposal_topics_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_topics" ADD CONSTRAINT "proposal_topics_meeting_id_congress_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."congress_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_windows" ADD CONSTRAINT "proposal_windows_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_windows" ADD CONSTRAINT "proposal_windows_meeting_id_congress_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."congress_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_meeting_id_congress_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."congress_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_member_id_members_id_fk" FOREIGN KEY ("proposer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_topic_id_proposal_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."proposal_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_attachments_proposal" ON "proposal_attachments" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_cosigners_org_member" ON "proposal_cosigners" USING btree ("org_id","member_id","state");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal" ON "proposal_events" USING btree ("org_id","proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_topics_org_meeting" ON "proposal_topics" USING btree ("org_id","meeting_id");--> statement-breakpoint
CREATE INDEX "proposals_org_created" ON "proposals" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_org_state" ON "proposals" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "proposals_org_topic" ON "proposals" USING btree ("org_id","topic_id");--> statement-breakpoint
CREATE INDEX "proposals_org_proposer" ON "proposals" USING btree ("org_id","proposer_member_id");