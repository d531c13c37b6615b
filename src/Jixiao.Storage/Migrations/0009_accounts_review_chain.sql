-- Schema version 9: accounts managed in production and the review chain of issue 14.
-- account_audit: every change of an account (created, role set, locked) with who made it, when, and the
-- account before and after as JSON ({"userName", "roles", "unitId", "departmentId", "locked"}); before is
-- null when created. drafts.review_step: while a draft is submitted, how many of the deployment's required
-- review steps (单位审核 → 主管部门审核 → 财政审核, Jixiao:Review:Steps) have approved it in this round.
-- Tokens as in 0001_initial.sql.

CREATE TABLE account_audit (
    id $ID$,
    account text NOT NULL,
    action text NOT NULL,
    user_name text NOT NULL,
    at $TIMESTAMP$ NOT NULL,
    before_json text NULL,
    after_json text NOT NULL
);
CREATE INDEX ix_account_audit_account ON account_audit (account);
ALTER TABLE drafts ADD COLUMN review_step integer NOT NULL DEFAULT 0;
