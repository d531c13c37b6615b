-- Schema version 12: a draft's kind as a column (issue 12). It was read from the form's JSON, so "one
-- self-evaluation per target declaration" could only be a lock in one process; now it is a unique index.
-- kind: the interchange word of the form's kind (target, selfEvaluation), copied from each stored form's JSON.
-- ux_drafts_based_on_kind: at most one draft of each kind based on one draft — one self-evaluation of a
-- declaration, one new version of an approved draft (a second start finds the first). Drafts without a
-- base (based_on_id null) are not limited: unique indexes treat nulls as distinct on both databases.
-- Tokens as in 0001_initial.sql; $FORMKIND$ reads form_json's top-level "kind".

ALTER TABLE drafts ADD COLUMN kind text NOT NULL DEFAULT 'target';
UPDATE drafts SET kind = $FORMKIND$ WHERE $FORMKIND$ IS NOT NULL;
CREATE UNIQUE INDEX ux_drafts_based_on_kind ON drafts (based_on_id, kind);
