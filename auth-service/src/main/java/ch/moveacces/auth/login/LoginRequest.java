package ch.moveacces.auth.login;

import org.jspecify.annotations.Nullable;

record LoginRequest(@Nullable String email, @Nullable String password) {

  /** Spring logs decoded bodies at debug level: never the password. */
  @Override
  public String toString() {
    return "LoginRequest[email=" + email + ", password=***]";
  }
}
