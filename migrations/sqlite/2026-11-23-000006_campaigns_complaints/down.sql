DROP INDEX interactions_complaints;
ALTER TABLE interactions DROP COLUMN resolution;
DROP TABLE interaction_follow_ups;
DROP TABLE campaign_accounts;
DROP TABLE campaigns;
