-- Schema version 4: target declarations authored in the browser. The form is kept as the interchange JSON
-- of one form (DisclosureJson.WriteForm); version counts saves and guards against a stale save
-- (optimistic concurrency). Tokens as in 0001_initial.sql.

CREATE TABLE drafts (
    id $ID$,
    unit_id bigint NOT NULL REFERENCES units (id),
    state text NOT NULL,
    form_json text NOT NULL,
    version integer NOT NULL,
    created_by text NOT NULL,
    created_at $TIMESTAMP$ NOT NULL,
    updated_at $TIMESTAMP$ NOT NULL
);
CREATE INDEX ix_drafts_unit ON drafts (unit_id);
