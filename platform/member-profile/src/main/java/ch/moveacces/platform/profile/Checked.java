package ch.moveacces.platform.profile;

import org.jspecify.annotations.Nullable;

/**
 * A profile value as a rule judged it: the normalised value ({@code null}: the field is left
 * empty), or what is wrong with it, in words a member can act on.
 */
public record Checked<T>(@Nullable T value, @Nullable String fault) {

  static <T> Checked<T> valid(@Nullable T value) {
    return new Checked<>(value, null);
  }

  static <T> Checked<T> invalid(String fault) {
    return new Checked<>(null, fault);
  }

  public boolean isValid() {
    return fault == null;
  }
}
