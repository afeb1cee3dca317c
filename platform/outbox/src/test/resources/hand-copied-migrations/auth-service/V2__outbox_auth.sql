-- The transactional outbox of auth-service (platform/outbox README): identity events are appended
-- in the transaction of their change and relayed to Kafka from here.
CREATE TABLE outbox_auth (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  event_id        CHAR(36)     CHARACTER SET ascii NOT NULL,
  topic           VARCHAR(249) NOT NULL,
  msg_key         VARCHAR(255) NOT NULL,
  payload         LONGTEXT     NOT NULL,
  headers         JSON         NOT NULL,
  created_at      DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  attempts        INT          NOT NULL DEFAULT 0,
  last_error      TEXT         NULL,
  next_attempt_at DATETIME(6)  NULL,
  sent_at         DATETIME(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbox_auth_event_id (event_id),
  KEY ix_outbox_auth_pending (sent_at, id),
  KEY ix_outbox_auth_key (msg_key, sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
