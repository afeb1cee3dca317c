package ch.moveacces.subscription.admin;

import ch.moveacces.platform.defaults.problem.FieldErrors;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import ch.moveacces.subscription.abonnement.AbonnementState;
import ch.moveacces.subscription.abonnement.NewAbonnement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a new abonnement must meet, from the columns of {@code abonnement} and from common
 * sense: a name of at most 100 characters, a price of at least 0 (DECIMAL(10,2)), a discount in
 * percent from 0 to 100 (DECIMAL(5,2)), a three-letter currency, a stop date after the start date.
 * A stop date in the past is allowed: an abonnement recorded after the fact (a paper contract, a
 * migration) is created and then expired by the job, and the audit trail shows both. Every fault is
 * reported at once.
 */
final class AbonnementRules {

  private static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final FieldErrors errors = new FieldErrors();

  private AbonnementRules() {}

  /**
   * @throws ValidationFailedException listing every field at fault (422)
   */
  static NewAbonnement check(AbonnementRequest request) {
    return new AbonnementRules().checked(request);
  }

  private NewAbonnement checked(AbonnementRequest request) {
    Long userId = userId(request.userId());
    String name = name(request.name());
    AbonnementState state = state(request.state());
    LocalDate start = date("date_start", request.dateStart(), true);
    LocalDate stop = date("date_stop", request.dateStop(), false);
    if (start != null && stop != null && !stop.isAfter(start)) {
      errors.add("date_stop", "must be after date_start");
    }
    BigDecimal price = amount("price", request.price(), true, MAX_PRICE);
    BigDecimal discount = amount("discount", request.discount(), false, HUNDRED);
    String currency = currency(request.currency());
    errors.throwIfAny();
    return new NewAbonnement(
        userId,
        name,
        state,
        start,
        stop,
        price,
        discount == null ? BigDecimal.ZERO : discount,
        currency,
        Boolean.TRUE.equals(request.autoRenew()));
  }

  private @Nullable Long userId(@Nullable Long userId) {
    if (userId == null) {
      errors.add("user_id", "is required");
    } else if (userId < 1) {
      errors.add("user_id", "must be a user id");
    }
    return userId;
  }

  private @Nullable String name(@Nullable String name) {
    if (name == null || name.isBlank()) {
      errors.add("name", "is required");
      return null;
    }
    String trimmed = name.strip();
    if (CONTROL.matcher(trimmed).find()) {
      errors.add("name", "must not contain control characters");
    } else if (trimmed.codePointCount(0, trimmed.length()) > 100) {
      errors.add("name", "must be at most 100 characters");
    }
    return trimmed;
  }

  private @Nullable AbonnementState state(@Nullable String state) {
    if (state == null) {
      errors.add("state", "is required");
      return null;
    }
    return switch (state) {
      case "pending" -> AbonnementState.PENDING;
      case "active" -> AbonnementState.ACTIVE;
      default -> {
        errors.add("state", "must be pending or active");
        yield null;
      }
    };
  }

  private @Nullable LocalDate date(String field, @Nullable String value, boolean required) {
    if (value == null) {
      if (required) {
        errors.add(field, "is required");
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      errors.add(field, "must be a date as YYYY-MM-DD");
      return null;
    }
  }

  private @Nullable BigDecimal amount(
      String field, @Nullable BigDecimal value, boolean required, BigDecimal max) {
    if (value == null) {
      if (required) {
        errors.add(field, "is required");
      }
      return null;
    }
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      errors.add(field, "must be from 0 to " + max.toPlainString());
    } else if (value.stripTrailingZeros().scale() > 2) {
      errors.add(field, "must have at most 2 decimals");
    }
    return value;
  }

  private String currency(@Nullable String currency) {
    if (currency == null) {
      return "CHF";
    }
    if (!CURRENCY.matcher(currency).matches()) {
      errors.add("currency", "must be three capital letters (ISO 4217)");
    }
    return currency.toUpperCase(Locale.ROOT);
  }
}
