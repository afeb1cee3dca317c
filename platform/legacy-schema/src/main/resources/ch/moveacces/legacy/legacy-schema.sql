-- The customer's existing Move Acces database, as it runs on MySQL 8.0.
-- It is never altered: no service creates, changes or drops these tables. This file plays that
-- database in tests and on the devstack, and runs unchanged on MySQL 8.0 and MariaDB 11.4.

CREATE TABLE IF NOT EXISTS users (
  user_id        INT UNSIGNED  NOT NULL AUTO_INCREMENT,
  email          VARCHAR(255)  NOT NULL,
  nom            VARCHAR(100)  NOT NULL,
  prenom         VARCHAR(100)  NOT NULL,
  date_naissance DATE          NULL,
  rue            VARCHAR(255)  NULL,
  npa            CHAR(4)       NULL,
  localite       VARCHAR(100)  NULL,
  tel            VARCHAR(20)   NULL,
  created_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (user_id),
  UNIQUE KEY uq_users_email (email),
  KEY idx_users_nom_prenom (nom, prenom)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS acces_app (
  email         VARCHAR(255) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  PRIMARY KEY (email),
  CONSTRAINT fk_acces_app_users_email FOREIGN KEY (email) REFERENCES users (email)
    ON UPDATE CASCADE ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- abo_discount is a percentage of abo_price (0.00 to 100.00).
CREATE TABLE IF NOT EXISTS abonnement (
  abo_id         INT UNSIGNED  NOT NULL AUTO_INCREMENT,
  user_id        INT UNSIGNED  NOT NULL,
  abo_state      ENUM('active','paused','expired','canceled','pending') NOT NULL DEFAULT 'pending',
  abo_name       VARCHAR(100)  NOT NULL,
  abo_date_start DATE          NOT NULL,
  abo_date_stop  DATE          NULL,
  abo_price      DECIMAL(10,2) NOT NULL,
  abo_discount   DECIMAL(5,2)  NOT NULL DEFAULT 0.00,
  abo_currency   CHAR(3)       NOT NULL DEFAULT 'CHF',
  abo_auto_renew TINYINT(1)    NOT NULL DEFAULT 0,
  abo_notes      VARCHAR(500)  NULL,
  created_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (abo_id),
  KEY idx_abonnement_user (user_id),
  KEY idx_abonnement_state_stop (abo_state, abo_date_stop),
  CONSTRAINT fk_abonnement_users FOREIGN KEY (user_id) REFERENCES users (user_id)
    ON UPDATE CASCADE ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
