package ch.moveacces.audit.integrity;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The checkpoint key, the trail's JDBC access and the jobs built on them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CheckpointProperties.class)
class IntegrityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrityConfiguration.class);

  @Bean
  CheckpointSigner checkpointSigner(CheckpointProperties properties) {
    CheckpointSigner signer = CheckpointSigner.parse(properties.signingKey());
    if (signer.keyId().contains("dev-only")) {
      LOG.warn(
          "Checkpoints are signed with the DEVELOPMENT key {}: set AUDIT_CHECKPOINT_KEY in every"
              + " real deployment",
          signer.keyId());
    }
    return signer;
  }

  /** The current key's public part first, then the previous keys'. */
  @Bean
  CheckpointKeys checkpointKeys(CheckpointSigner signer, CheckpointProperties properties) {
    return signer.publicKeys().and(CheckpointKeys.parse(properties.previousKeys()));
  }

  /** The service's own database and account, as R2DBC reaches them. */
  @Bean
  TrailDatabase trailDatabase(Environment environment) {
    return TrailDatabase.fromR2dbc(
        environment.getRequiredProperty("spring.r2dbc.url"),
        environment.getRequiredProperty("spring.r2dbc.username"),
        environment.getRequiredProperty("spring.r2dbc.password"));
  }

  @Bean
  Checkpoints checkpoints(CheckpointSigner signer, CheckpointProperties properties) {
    return new Checkpoints(signer, properties.rows(), properties.age());
  }

  @Bean
  TrailVerification trailVerification(CheckpointKeys keys) {
    return new TrailVerification(keys);
  }

  @Bean
  MemberErasure memberErasure(TrailDatabase database, CheckpointSigner signer) {
    return new MemberErasure(database, signer, Clock.systemUTC());
  }
}
