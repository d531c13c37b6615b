-- Schema version 11: mid-year monitoring forms (绩效运行监控, issue 13, shared/spec/monitoring.md), authored
-- in the browser and the API like drafts, in tables of their own (docs/monitoring.md says why).
-- monitoring_forms: one 项目支出绩效目标执行监控表 of a unit as the interchange JSON of one form of kind
-- "monitoring" (MonitoringJson.WriteForm); version counts saves and guards against a stale save (optimistic
-- concurrency); state: draft → submitted → returned | accepted. based_on_form_id: the published target
-- declaration it monitors (forms.id; no foreign key, as the published library is written by the importer
-- alone), based_on_draft_id: the approved draft it monitors; at most one is
-- set. review_comment: the department reviewer's comment of the last return.
-- monitoring_audit: every create, save and state change with who, when, why and the record before and after
-- as JSON ({"state", "version", "form"}); before is null on create. Tokens as in 0001_initial.sql.

CREATE TABLE monitoring_forms (
    id $ID$,
    unit_id bigint NOT NULL REFERENCES units (id),
    state text NOT NULL,
    form_json text NOT NULL,
    version integer NOT NULL,
    based_on_form_id bigint NULL,
    based_on_draft_id bigint NULL REFERENCES drafts (id),
    review_comment text NULL,
    created_by text NOT NULL,
    created_at $TIMESTAMP$ NOT NULL,
    updated_at $TIMESTAMP$ NOT NULL
);
CREATE INDEX ix_monitoring_forms_unit ON monitoring_forms (unit_id);

CREATE TABLE monitoring_audit (
    id $ID$,
    monitoring_id bigint NOT NULL REFERENCES monitoring_forms (id),
    action text NOT NULL,
    user_name text NOT NULL,
    at $TIMESTAMP$ NOT NULL,
    comment text NULL,
    before_json text NULL,
    after_json text NOT NULL
);
CREATE INDEX ix_monitoring_audit_record ON monitoring_audit (monitoring_id);
