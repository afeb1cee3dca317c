package ch.moveacces.audit.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for chains due for a checkpoint every {@code moveacces.audit.checkpoints.interval}, on the
 * scheduler's own thread. A failed round is logged and the next one tries again.
 */
@Component
class CheckpointSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);

  private final Checkpoints checkpoints;
  private final TrailDatabase database;
  private final Clock clock = Clock.systemUTC();

  CheckpointSchedule(Checkpoints checkpoints, TrailDatabase database) {
    this.checkpoints = checkpoints;
    this.database = database;
  }

  @Scheduled(
      fixedDelayString = "${moveacces.audit.checkpoints.interval}",
      initialDelayString = "${moveacces.audit.checkpoints.interval}")
  void signDueChains() {
    try (Connection db = database.connect()) {
      List<StoredCheckpoint> written = checkpoints.signDue(db, clock.instant());
      written.forEach(
          checkpoint ->
              LOG.debug("Checkpoint of {} at seq {}", checkpoint.chain(), checkpoint.seq()));
    } catch (SQLException | RuntimeException failed) {
      LOG.warn("No checkpoints this round: {}", failed.toString());
    }
  }
}
