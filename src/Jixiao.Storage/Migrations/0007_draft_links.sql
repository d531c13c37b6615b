-- Schema version 7: what a draft is based on and the reviewer's notes of its last return.
-- based_on_id: the draft a self-evaluation evaluates (an approved target declaration), or the approved draft
-- a new version was started from; null for a new project. review_json: the comments of the last return,
-- for the whole form and per indicator ({"comment": …, "indicators": {"<row index>": "…"}}), shown to the
-- filler beside the rows until the draft is submitted again. Tokens as in 0001_initial.sql.

ALTER TABLE drafts ADD COLUMN based_on_id bigint NULL REFERENCES drafts (id);
ALTER TABLE drafts ADD COLUMN review_json text NULL;
CREATE INDEX ix_drafts_based_on ON drafts (based_on_id);
