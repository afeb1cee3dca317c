-- One account per service, each granted only its slice of the schema (ARCHITECTURE.md, data
-- ownership). Placeholders ${..._DB_PASSWORD} are filled from the environment (envsubst works
-- too); the defaults that tests and the devstack use are dev-only. Safe to run again: it resets
-- passwords and re-grants.
-- New tables are granted by name before they exist (CREATE on that one name), so a service's
-- Flyway migrations can create its own tables and nothing else. Realtime-service has no account.
-- Audit-service migrates under an account of its own (its service account may not alter its
-- tables): the grants on its tables come from its own migration, see below.

-- auth-service: owns acces_app; inserts the users row at registration; reads id and email.
CREATE USER IF NOT EXISTS 'moveacces_auth'@'%' IDENTIFIED BY '${AUTH_DB_PASSWORD}';
ALTER USER 'moveacces_auth'@'%' IDENTIFIED BY '${AUTH_DB_PASSWORD}';
GRANT SELECT (user_id, email),
      INSERT (email, nom, prenom, date_naissance, rue, npa, localite, tel)
  ON moveacces.users TO 'moveacces_auth'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON moveacces.acces_app TO 'moveacces_auth'@'%';
GRANT CREATE, INDEX, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.flyway_history_auth TO 'moveacces_auth'@'%';
GRANT CREATE, INDEX, SELECT, INSERT, UPDATE, DELETE ON moveacces.user_roles TO 'moveacces_auth'@'%';
-- Its transactional outbox: append with the change, relay (lock, mark sent), clean up sent rows.
-- (One statement: a grant on a table that does not exist yet is accepted only with CREATE in it.)
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.outbox_auth TO 'moveacces_auth'@'%';

-- profile-service: reads users, updates only the profile columns (never email nor user_id).
CREATE USER IF NOT EXISTS 'moveacces_profile'@'%' IDENTIFIED BY '${PROFILE_DB_PASSWORD}';
ALTER USER 'moveacces_profile'@'%' IDENTIFIED BY '${PROFILE_DB_PASSWORD}';
GRANT SELECT,
      UPDATE (nom, prenom, date_naissance, rue, npa, localite, tel, updated_at)
  ON moveacces.users TO 'moveacces_profile'@'%';
GRANT CREATE, INDEX, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.flyway_history_profile TO 'moveacces_profile'@'%';
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.outbox_profile TO 'moveacces_profile'@'%';

-- subscription-service: owns abonnement; may read users.user_id.
CREATE USER IF NOT EXISTS 'moveacces_subscription'@'%' IDENTIFIED BY '${SUBSCRIPTION_DB_PASSWORD}';
ALTER USER 'moveacces_subscription'@'%' IDENTIFIED BY '${SUBSCRIPTION_DB_PASSWORD}';
GRANT SELECT (user_id) ON moveacces.users TO 'moveacces_subscription'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON moveacces.abonnement TO 'moveacces_subscription'@'%';
GRANT CREATE, INDEX, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.flyway_history_subscription TO 'moveacces_subscription'@'%';
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.outbox_subscription TO 'moveacces_subscription'@'%';

-- audit-service: owns the audit trail. Its account may only append to it and read it (no UPDATE,
-- no DELETE, no DDL; of the personal data, only what an erasure NULLs may be updated), and cannot
-- touch the record of its migrations. Its grants on the trail come from its migration
-- V3__runtime_account_grants.sql, run by the migration account below, which created the tables.
CREATE USER IF NOT EXISTS 'moveacces_audit'@'%' IDENTIFIED BY '${AUDIT_DB_PASSWORD}';
ALTER USER 'moveacces_audit'@'%' IDENTIFIED BY '${AUDIT_DB_PASSWORD}';
-- Before the migration account, this one migrated: it loses its Flyway history table (the GRANT
-- gives the REVOKE a grant to take back where it never had one; V3 takes back its DDL on the trail).
GRANT CREATE ON moveacces.flyway_history_audit TO 'moveacces_audit'@'%';
REVOKE ALL PRIVILEGES ON moveacces.flyway_history_audit FROM 'moveacces_audit'@'%';

-- audit-service's migrations (spring.flyway.user): its tables and history, and the GRANT OPTION
-- to give the service's account its part of them. No DELETE, no DROP: no migration removes a
-- trail's rows.
CREATE USER IF NOT EXISTS 'moveacces_audit_migrator'@'%' IDENTIFIED BY '${AUDIT_MIGRATOR_DB_PASSWORD}';
ALTER USER 'moveacces_audit_migrator'@'%' IDENTIFIED BY '${AUDIT_MIGRATOR_DB_PASSWORD}';
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE
  ON moveacces.audit_logs TO 'moveacces_audit_migrator'@'%' WITH GRANT OPTION;
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE
  ON moveacces.audit_personal_data TO 'moveacces_audit_migrator'@'%' WITH GRANT OPTION;
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE
  ON moveacces.audit_checkpoints TO 'moveacces_audit_migrator'@'%' WITH GRANT OPTION;
GRANT CREATE, ALTER, INDEX, REFERENCES, SELECT, INSERT, UPDATE
  ON moveacces.audit_erasures TO 'moveacces_audit_migrator'@'%' WITH GRANT OPTION;
GRANT CREATE, INDEX, SELECT, INSERT, UPDATE, DELETE
  ON moveacces.flyway_history_audit TO 'moveacces_audit_migrator'@'%';

FLUSH PRIVILEGES;
