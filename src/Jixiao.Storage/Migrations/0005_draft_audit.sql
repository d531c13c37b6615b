-- Schema version 5: the audit log of drafts. Every create, save and state change (submitted, returned,
-- approved, published) with who, when, why (a reviewer's comment) and the draft before and after, as
-- JSON ({"state", "version", "form"}); before is null on create. Tokens as in 0001_initial.sql.

CREATE TABLE draft_audit (
    id $ID$,
    draft_id bigint NOT NULL REFERENCES drafts (id),
    action text NOT NULL,
    user_name text NOT NULL,
    at $TIMESTAMP$ NOT NULL,
    comment text NULL,
    before_json text NULL,
    after_json text NOT NULL
);
CREATE INDEX ix_draft_audit_draft ON draft_audit (draft_id);
