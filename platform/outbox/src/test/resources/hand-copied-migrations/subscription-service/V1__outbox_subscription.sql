-- The transactional outbox of subscription-service (platform/outbox README): each abonnement change
-- appends its event here in the same transaction; the relay publishes it to subscription.events.v1.
CREATE TABLE outbox_subscription (
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
  UNIQUE KEY uk_outbox_subscription_event_id (event_id),
  KEY ix_outbox_subscription_pending (sent_at, id),
  KEY ix_outbox_subscription_key (msg_key, sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
