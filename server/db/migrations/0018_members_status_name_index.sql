DROP INDEX "members_org_status";--> statement-breakpoint
CREATE INDEX "members_org_status" ON "members" USING btree ("org_id","status","name","id");