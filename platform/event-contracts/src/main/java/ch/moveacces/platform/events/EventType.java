package ch.moveacces.platform.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type on the wire. The type string is written here, never derived from a class name,
 * so renaming Java code cannot change a contract; a new meaning gets a new {@code .vN} type.
 */
public enum EventType {
  USER_REGISTERED(Context.IDENTITY, "user-registered"),
  LOGIN_SUCCEEDED(Context.IDENTITY, "login-succeeded"),
  LOGIN_FAILED(Context.IDENTITY, "login-failed"),
  REFRESH_TOKEN_ROTATED(Context.IDENTITY, "refresh-token-rotated"),
  REFRESH_TOKEN_REUSE_DETECTED(Context.IDENTITY, "refresh-token-reuse-detected"),
  LOGGED_OUT(Context.IDENTITY, "logged-out"),
  SESSION_REVOKED(Context.IDENTITY, "session-revoked"),
  ALL_SESSIONS_REVOKED(Context.IDENTITY, "all-sessions-revoked"),
  PASSWORD_CHANGED(Context.IDENTITY, "password-changed"),

  PROFILE_UPDATED(Context.PROFILE, "profile-updated"),

  ABONNEMENT_CREATED(Context.SUBSCRIPTION, "abonnement-created"),
  ABONNEMENT_PAUSED(Context.SUBSCRIPTION, "abonnement-paused"),
  ABONNEMENT_RESUMED(Context.SUBSCRIPTION, "abonnement-resumed"),
  ABONNEMENT_CANCELED(Context.SUBSCRIPTION, "abonnement-canceled"),
  ABONNEMENT_EXPIRED(Context.SUBSCRIPTION, "abonnement-expired"),
  ABONNEMENT_ACTIVATED(Context.SUBSCRIPTION, "abonnement-activated");

  static final String SCHEMA_FOLDER = "ch/moveacces/platform/events/schemas/";

  private static final Map<String, EventType> BY_TYPE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

  private final String type;
  private final String topic;

  EventType(Context context, String name) {
    this.type = "ch.moveacces." + context.prefix + "." + name + ".v1";
    this.topic = context.topic;
  }

  /** The CloudEvents {@code type}, e.g. {@code ch.moveacces.identity.user-registered.v1}. */
  public String type() {
    return type;
  }

  public String topic() {
    return topic;
  }

  /** Classpath resource of the JSON Schema that validates the whole envelope of this type. */
  public String schemaResource() {
    return SCHEMA_FOLDER + type + ".schema.json";
  }

  public static Optional<EventType> fromType(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  private enum Context {
    IDENTITY("identity", Topics.IDENTITY),
    PROFILE("profile", Topics.PROFILE),
    SUBSCRIPTION("subscription", Topics.SUBSCRIPTION);

    private final String prefix;
    private final String topic;

    Context(String prefix, String topic) {
      this.prefix = prefix;
      this.topic = topic;
    }
  }
}
