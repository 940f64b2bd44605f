ALTER TABLE "users" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_org_member" ON "users" USING btree ("org_id","member_id") WHERE "users"."member_id" is not null;