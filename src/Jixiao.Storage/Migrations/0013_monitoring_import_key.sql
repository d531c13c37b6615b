-- Schema version 13: one imported monitoring form per unit and project (issue 13). The importer found the form
-- of a unit, year and project name by reading each stored form's JSON, so two imports of the same new form at
-- once could both store it; now the key is a column with a unique index, and the second import finds the first.
-- import_key: the year and the comparable project name (ProjectNames.Key) the importer knows the form by,
-- "2023/组织人事专项"; written by the importer on every form it stores or changes. A form started in the browser
-- has none until an import changes it (it is one per declaration by its based_on_* instead), and neither has a
-- form stored before this version: the importer still finds those by their JSON and keys them when it changes
-- them. ux_monitoring_forms_import_key: at most one form per unit and key; nulls are distinct on both databases.

ALTER TABLE monitoring_forms ADD COLUMN import_key text NULL;
CREATE UNIQUE INDEX ux_monitoring_forms_import_key ON monitoring_forms (unit_id, import_key);
