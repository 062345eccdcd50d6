CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leader_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`uid` text NOT NULL,
	`recurrence_id` text NOT NULL,
	`is_recurring` integer NOT NULL,
	`all_day` integer NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`start_date` text,
	`end_date` text,
	`zone` text,
	`summary` text NOT NULL,
	`description` text NOT NULL,
	`location` text NOT NULL,
	`organizer` text,
	`attendees` text NOT NULL,
	`categories` text NOT NULL,
	`status` text,
	`is_transparent` integer NOT NULL,
	`busy_status` text,
	`content_hash` text NOT NULL,
	`category` text NOT NULL,
	`reason` text NOT NULL,
	`is_meeting` integer NOT NULL,
	`first_import_id` integer NOT NULL,
	`last_import_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_source_instance` ON `events` (`source_id`,`uid`,`recurrence_id`);--> statement-breakpoint
CREATE INDEX `events_leader_start` ON `events` (`leader_id`,`start_ms`);--> statement-breakpoint
CREATE INDEX `events_leader_uid` ON `events` (`leader_id`,`uid`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leader_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`file_name` text,
	`file_sha256` text NOT NULL,
	`imported_at` integer NOT NULL,
	`window_from` text NOT NULL,
	`window_to` text NOT NULL,
	`covered_from_ms` integer,
	`covered_to_ms` integer,
	`calendar_zone` text NOT NULL,
	`blocks` integer NOT NULL,
	`instances` integer NOT NULL,
	`added` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`removed` integer NOT NULL,
	`issues` text NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `imports_leader` ON `imports` (`leader_id`,`imported_at`);--> statement-breakpoint
CREATE TABLE `leaders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`time_zone` text,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leaders_email_unique` ON `leaders` (`email`);--> statement-breakpoint
CREATE TABLE `manual_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leader_id` integer NOT NULL,
	`uid` text NOT NULL,
	`recurrence_id` text NOT NULL,
	`category` text NOT NULL,
	`exclusion_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manual_decisions_target` ON `manual_decisions` (`leader_id`,`uid`,`recurrence_id`);--> statement-breakpoint
CREATE TABLE `rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leader_id` integer NOT NULL,
	`name` text NOT NULL,
	`enabled` integer NOT NULL,
	`match` text NOT NULL,
	`conditions` text NOT NULL,
	`category` text NOT NULL,
	`exclusion_reason` text,
	`stage` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rules_leader` ON `rules` (`leader_id`,`position`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leader_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_leader_name` ON `sources` (`leader_id`,`name`);