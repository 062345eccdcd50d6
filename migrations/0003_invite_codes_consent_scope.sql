ALTER TABLE `coach_grants` ADD `invite_code_hash` text;--> statement-breakpoint
ALTER TABLE `cohort_members` ADD `share_coaching` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `origin` text DEFAULT 'admin' NOT NULL;