-- Schema version 2: project relations (an umbrella project and the projects it sums up), findings of
-- checks on forms, and diagnostics tied to the form they were noticed in. Tokens as in 0001_initial.sql.

CREATE TABLE project_relations (
    parent_project_id bigint NOT NULL REFERENCES projects (id),
    child_project_id bigint NOT NULL REFERENCES projects (id),
    origin text NOT NULL,
    PRIMARY KEY (parent_project_id, child_project_id)
);
CREATE INDEX ix_project_relations_child ON project_relations (child_project_id);

CREATE TABLE findings (
    id $ID$,
    form_id bigint NOT NULL REFERENCES forms (id),
    indicator_ordinal integer NULL,
    code text NOT NULL,
    severity text NOT NULL,
    message text NOT NULL
);
CREATE INDEX ix_findings_form ON findings (form_id);

-- A diagnostic belongs to the form that starts last at or before its line (none before the first form).
ALTER TABLE diagnostics ADD COLUMN form_id bigint NULL REFERENCES forms (id);
UPDATE diagnostics SET form_id = (
    SELECT f.id FROM forms f
    WHERE f.document_version_id = diagnostics.document_version_id AND f.line <= diagnostics.line
    ORDER BY f.line DESC, f.ordinal DESC
    LIMIT 1);
CREATE INDEX ix_diagnostics_form ON diagnostics (form_id);
