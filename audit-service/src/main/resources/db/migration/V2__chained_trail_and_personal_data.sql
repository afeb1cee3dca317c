-- The trail becomes tamper-evident and erasable (docs/adr, audit trail integrity and erasure).
--
-- audit_logs keeps what proves the trail and nothing that names a person: each new row is a link
-- of one hash chain per source topic-partition, (chain, seq) unique so that two writers can never
-- both append the same link. What names a person (who the event is about, who acted, from where,
-- and the envelope as received) moves to audit_personal_data, which can be erased; the chain holds
-- only a salted digest of it. Rows recorded before this migration keep their columns and have no
-- chain.
ALTER TABLE audit_logs
  MODIFY payload JSON NULL COMMENT 'rows recorded before chaining only; later envelopes are in audit_personal_data',
  ADD COLUMN chain VARCHAR(255) NULL COMMENT 'the source topic-partition, e.g. identity.events.v1-0',
  ADD COLUMN seq BIGINT UNSIGNED NULL COMMENT '1, 2, ... within its chain',
  ADD COLUMN prev_hash BINARY(32) NULL COMMENT 'the hash of seq - 1; 32 zero bytes for seq 1',
  ADD COLUMN hash BINARY(32) NULL COMMENT 'SHA-256 of prev_hash and this row''s projection (ChainLink)',
  ADD COLUMN schema_valid BOOLEAN NOT NULL DEFAULT TRUE COMMENT 'false: stored although it breaks its schema',
  ADD COLUMN actor VARCHAR(16) NULL COMMENT 'user or system; the user''s id is personal data',
  ADD COLUMN actor_role VARCHAR(64) NULL,
  ADD COLUMN personal_digest BINARY(32) NULL COMMENT 'SHA-256 of the salt and the row''s personal data',
  ADD UNIQUE KEY uq_audit_logs_chain_seq (chain, seq),
  ADD KEY idx_audit_logs_actor_time (actor, occurred_at, id),
  ADD KEY idx_audit_logs_recorded (recorded_at, id);

CREATE TABLE audit_personal_data (
  event_id      CHAR(36)         NOT NULL,
  occurred_at   DATETIME(6)      NOT NULL COMMENT 'a copy of the event''s, for the per-member index',
  user_id       INT UNSIGNED     NULL COMMENT 'the member the event is about',
  actor_id      INT UNSIGNED     NULL COMMENT 'the user who acted',
  subject       VARCHAR(128)     NULL,
  client_ip     VARCHAR(45)      NULL,
  user_agent    VARCHAR(512)     NULL,
  envelope      MEDIUMBLOB       NULL COMMENT 'the Kafka record''s value, byte for byte',
  salt          BINARY(16)       NULL,
  erasure_id    BIGINT UNSIGNED  NULL COMMENT 'set when erased; every column above but occurred_at is then NULL',
  PRIMARY KEY (event_id),
  KEY idx_audit_personal_user_time (user_id, occurred_at),
  KEY idx_audit_personal_actor_time (actor_id, occurred_at),
  KEY idx_audit_personal_erasure (erasure_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A signed statement "chain C was at seq S with hash H at T": rows up to there cannot be changed,
-- removed or inserted without the private key.
CREATE TABLE audit_checkpoints (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  chain      VARCHAR(255)    NOT NULL,
  seq        BIGINT UNSIGNED NOT NULL,
  hash       BINARY(32)      NOT NULL,
  signed_at  DATETIME(6)     NOT NULL,
  key_id     VARCHAR(64)     NOT NULL,
  signature  VARBINARY(512)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_audit_checkpoints_chain_seq (chain, seq),
  KEY idx_audit_checkpoints_signed (signed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A signed statement "these personal rows were erased, for this reason": an erased row that no
-- erasure accounts for is reported by the verification.
CREATE TABLE audit_erasures (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  erased_at    DATETIME(6)     NOT NULL,
  reason       VARCHAR(200)    NOT NULL,
  rows_erased  INT UNSIGNED    NOT NULL,
  rows_digest  BINARY(32)      NOT NULL COMMENT 'SHA-256 of the erased rows'' event ids, sorted',
  key_id       VARCHAR(64)     NOT NULL,
  signature    VARBINARY(512)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
