-- Roles beyond USER, which every user has implicitly. No foreign key to users: that would need
-- the REFERENCES privilege on a table auth-service does not own.
CREATE TABLE user_roles (
  user_id INT UNSIGNED NOT NULL,
  role    VARCHAR(32)  NOT NULL,
  PRIMARY KEY (user_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
