-- Run by the migration account (spring.flyway.user), which created these tables and holds their
-- privileges WITH GRANT OPTION (service-accounts.sql). The service's own account, named by the
-- placeholder runtime_account (its spring.r2dbc.username), may append to the trail and read it:
-- no UPDATE or DELETE of a row, no DDL. Of the personal data it may update only what an erasure
-- sets to NULL, and erasure_id.
--
-- Before the migration account, the service's account created audit_logs and could alter it:
-- that is taken back here. Each REVOKE follows a GRANT on the same table, so that there is a grant
-- to revoke from on a fresh install too (a REVOKE without one fails): the same script runs on
-- every database.
GRANT SELECT, INSERT ON audit_logs TO '${runtime_account}'@'%';
REVOKE CREATE, ALTER, INDEX ON audit_logs FROM '${runtime_account}'@'%';

GRANT SELECT, INSERT ON audit_checkpoints TO '${runtime_account}'@'%';
REVOKE CREATE, ALTER, INDEX ON audit_checkpoints FROM '${runtime_account}'@'%';

GRANT SELECT, INSERT ON audit_erasures TO '${runtime_account}'@'%';
REVOKE CREATE, ALTER, INDEX ON audit_erasures FROM '${runtime_account}'@'%';

-- The table-wide UPDATE goes first (revoking it clears column grants too), then the columns come.
GRANT SELECT, INSERT ON audit_personal_data TO '${runtime_account}'@'%';
REVOKE CREATE, ALTER, INDEX, UPDATE ON audit_personal_data FROM '${runtime_account}'@'%';
GRANT UPDATE (user_id, actor_id, subject, client_ip, user_agent, envelope, salt, erasure_id)
  ON audit_personal_data TO '${runtime_account}'@'%';
