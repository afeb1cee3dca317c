package ch.moveacces.auth.roles;

/** Roles as they appear in the {@code roles} claim. */
public enum Role {
  /** Every user, implicitly; never stored. */
  USER,
  /** Reads the audit trail. */
  AUDITOR,
  ADMIN
}
