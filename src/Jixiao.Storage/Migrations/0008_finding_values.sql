-- Schema version 8: a finding's expected and actual values in their own columns (checks.md's FINDING has
-- "expected" and "actual"), instead of only inside the message. Older rows keep them in their message and
-- leave the columns null. Tokens as in 0001_initial.sql.

ALTER TABLE findings ADD COLUMN expected text NULL;
ALTER TABLE findings ADD COLUMN actual text NULL;
