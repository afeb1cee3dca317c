-- After every migrate, even with none pending: the service's account gets again what V3 granted
-- it (only GRANTs, so that an instance running meanwhile never loses a privilege). Its grants live
-- in MySQL's own schema, not in a dump of moveacces: a dump restored on another server, with the
-- accounts created again by service-accounts.sql, gets them back at the service's next start.
GRANT SELECT, INSERT ON audit_logs TO '${runtime_account}'@'%';
GRANT SELECT, INSERT ON audit_checkpoints TO '${runtime_account}'@'%';
GRANT SELECT, INSERT ON audit_erasures TO '${runtime_account}'@'%';
GRANT SELECT, INSERT,
      UPDATE (user_id, actor_id, subject, client_ip, user_agent, envelope, salt, erasure_id)
  ON audit_personal_data TO '${runtime_account}'@'%';
