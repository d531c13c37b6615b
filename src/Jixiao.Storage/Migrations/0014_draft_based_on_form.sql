-- Schema version 14: the published form a draft was started from. A self-evaluation of a declaration that
-- was published elsewhere and imported has no draft to be based on, so based_on_id could not keep it to one:
-- two clicks made two. based_on_form_id: the stored form (forms.id) it evaluates; no foreign key, since a
-- new version of the document replaces its forms and the draft stays. ux_drafts_based_on_form_kind: at
-- most one draft of each kind started from one stored form; nulls are distinct on both databases.
-- Tokens as in 0001_initial.sql.

ALTER TABLE drafts ADD COLUMN based_on_form_id bigint NULL;
CREATE UNIQUE INDEX ux_drafts_based_on_form_kind ON drafts (based_on_form_id, kind);
