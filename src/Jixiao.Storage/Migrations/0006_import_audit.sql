-- Schema version 6: the audit log of imports. One line per file an import was asked to store, written in
-- the import's own transaction (a failed import's line is written after its rollback): who (a web user's
-- name, cli:<OS user>, or system for the seeding at first start), when, which source and content, the
-- outcome (imported, newVersion, unchanged, failed), what it added (forms, indicators, findings; 0 unless
-- stored) and a summary of the source before and after as JSON:
--   {"source", "version", "contentHash", "forms": [{"name", "kind", "unit", "year", "totalScore"}]}
-- before is the version of the same source in force until then (null when there was none, and on
-- unchanged and failed lines); after is what was stored (null unless stored). Tokens as in 0001_initial.sql.

CREATE TABLE import_audit (
    id $ID$,
    user_name text NOT NULL,
    at $TIMESTAMP$ NOT NULL,
    source_name text NOT NULL,
    file_name text NOT NULL,
    content_hash text NULL,
    outcome text NOT NULL,
    version integer NULL,
    form_count integer NOT NULL,
    indicator_count integer NOT NULL,
    finding_count integer NOT NULL,
    message text NULL,
    before_json text NULL,
    after_json text NULL
);
CREATE INDEX ix_import_audit_source ON import_audit (source_name);
