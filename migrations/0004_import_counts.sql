ALTER TABLE `imports` ADD `parsed` integer;--> statement-breakpoint
ALTER TABLE `imports` ADD `rejected` text;