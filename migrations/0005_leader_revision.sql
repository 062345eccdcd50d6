ALTER TABLE `leaders` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written after drizzle-kit's line (triggers are not in the schema's language): every row
-- written to a leader's events, imports or calendars raises the leader's revision (see schema.ts).
CREATE TRIGGER `events_insert_leader_revision` AFTER INSERT ON `events` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = NEW.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `events_update_leader_revision` AFTER UPDATE ON `events` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = NEW.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_leader_revision` AFTER DELETE ON `events` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = OLD.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `imports_insert_leader_revision` AFTER INSERT ON `imports` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = NEW.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `imports_update_leader_revision` AFTER UPDATE ON `imports` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = NEW.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `imports_delete_leader_revision` AFTER DELETE ON `imports` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = OLD.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `sources_insert_leader_revision` AFTER INSERT ON `sources` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = NEW.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `sources_update_leader_revision` AFTER UPDATE ON `sources` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = NEW.`leader_id`; END;
--> statement-breakpoint
CREATE TRIGGER `sources_delete_leader_revision` AFTER DELETE ON `sources` BEGIN UPDATE `leaders` SET `revision` = `revision` + 1 WHERE `id` = OLD.`leader_id`; END;
