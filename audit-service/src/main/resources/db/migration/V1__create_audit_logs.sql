-- The audit trail: one row per domain event, appended only (the service's account can neither
-- update nor delete rows). event_id is the event's own UUID, so a redelivered event is refused.
CREATE TABLE audit_logs (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_id    CHAR(36)        NOT NULL,
  event_type  VARCHAR(200)    NOT NULL,
  source      VARCHAR(200)    NOT NULL,
  subject     VARCHAR(128)    NULL COMMENT 'the CloudEvents subject: a user id, or a hash when the user is unknown',
  user_id     INT UNSIGNED    NULL,
  occurred_at DATETIME(6)     NOT NULL,
  recorded_at DATETIME(6)     NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  trace_id    CHAR(32)        NULL,
  client_ip   VARCHAR(45)     NULL,
  user_agent  VARCHAR(512)    NULL,
  payload     JSON            NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_audit_logs_event_id (event_id),
  KEY idx_audit_logs_user_time (user_id, occurred_at, id),
  KEY idx_audit_logs_type_time (event_type, occurred_at, id),
  KEY idx_audit_logs_time (occurred_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
