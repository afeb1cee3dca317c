package ch.moveacces.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainLinkTest {

  private static final UUID EVENT = UUID.fromString("0b7f6c1e-7a53-4f0e-9d4c-3a8d2b8e1f00");
  private static final Instant OCCURRED = Instant.parse("2026-12-08T10:15:30.123456789Z");
  private static final byte[] DIGEST = new byte[32];

  private static ChainLink link(long seq, byte[] prev, String type, String actor) {
    return new ChainLink(
        "identity.events.v1-0",
        seq,
        prev,
        EVENT,
        type,
        "/auth-service",
        OCCURRED,
        OCCURRED.plusMillis(5),
        "4bf92f3577b34da6a3ce929d0e0e4736",
        true,
        actor,
        "member",
        DIGEST);
  }

  @Test
  void hashesTheSameLinkAlike() {
    assertThat(link(1, ChainLink.GENESIS, "t", "user").hash())
        .isEqualTo(link(1, ChainLink.GENESIS, "t", "user").hash())
        .hasSize(32);
  }

  @Test
  void anyChangedFieldChangesTheHash() {
    byte[] original = link(1, ChainLink.GENESIS, "t", "user").hash();
    assertThat(link(2, ChainLink.GENESIS, "t", "user").hash()).isNotEqualTo(original);
    assertThat(link(1, original, "t", "user").hash()).isNotEqualTo(original);
    assertThat(link(1, ChainLink.GENESIS, "u", "user").hash()).isNotEqualTo(original);
    assertThat(link(1, ChainLink.GENESIS, "t", "system").hash()).isNotEqualTo(original);
    assertThat(link(1, ChainLink.GENESIS, "t", null).hash()).isNotEqualTo(original);
  }

  @Test
  void keepsTimesToTheMicrosecondAsTheTableDoes() {
    ChainLink link = link(1, ChainLink.GENESIS, "t", "user");
    assertThat(link.occurredAt()).isEqualTo(Instant.parse("2026-12-08T10:15:30.123456Z"));
  }

  @Test
  void tellsAbsentFromEmptyAndSplitsUnambiguously() {
    assertThat(CanonicalBytes.of("d").text(null).toByteArray())
        .isNotEqualTo(CanonicalBytes.of("d").text("").toByteArray());
    assertThat(CanonicalBytes.of("d").text("ab").text("c").toByteArray())
        .isNotEqualTo(CanonicalBytes.of("d").text("a").text("bc").toByteArray());
  }

  @Test
  void refusesAChainThatDoesNotCountFromOne() {
    assertThatThrownBy(() -> link(0, ChainLink.GENESIS, "t", "user"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saltsThePersonalDigest() {
    PersonalData data = new PersonalData(42L, 42L, "42", "203.0.113.9", "curl", "{}".getBytes());
    byte[] salt = PersonalData.newSalt();
    assertThat(data.digest(salt)).isEqualTo(data.digest(salt.clone()));
    assertThat(data.digest(PersonalData.newSalt())).isNotEqualTo(data.digest(salt));
    PersonalData otherAddress =
        new PersonalData(42L, 42L, "42", "203.0.113.10", "curl", "{}".getBytes());
    assertThat(otherAddress.digest(salt)).isNotEqualTo(data.digest(salt));
  }

  @Test
  void namesAChainAfterItsTopicPartition() {
    assertThat(ChainName.of("identity.events.v1", 2)).isEqualTo("identity.events.v1-2");
  }
}
