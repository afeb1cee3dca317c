package ch.moveacces.auth.password;

import ch.moveacces.auth.problem.AuthProblems;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id on a bounded pool off the event loop. Each hash holds 64 MiB for a few hundred
 * milliseconds, so a burst must not queue without bound: when the queue is full the caller gets a
 * 503 at once.
 */
@Component
public class PasswordHashing implements DisposableBean {

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
  private final Argon2Properties properties;
  private final ThreadPoolExecutor pool;
  private final String dummyHash;
  private final String configuredPrefix;

  public PasswordHashing(Argon2Properties properties) {
    this.properties = properties;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            properties.poolThreads(),
            properties.poolThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(properties.poolQueue()),
            task -> {
              Thread thread = new Thread(task, "argon2-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    // Unknown emails are verified against this, so that they cost what a wrong password costs.
    this.dummyHash = hashNow(randomSecret());
    this.configuredPrefix =
        "$argon2id$v=19$m=%d,t=%d,p=%d$"
            .formatted(properties.memoryKib(), properties.iterations(), properties.parallelism());
  }

  public Mono<String> hash(String password) {
    return onPool(() -> hashNow(password));
  }

  public Mono<Boolean> verify(String hash, String password) {
    return onPool(() -> argon2.verify(hash, Passwords.normalise(password).toCharArray()));
  }

  /** The same work as {@link #verify} for an account that does not exist; always false. */
  public Mono<Boolean> verifyDummy(String password) {
    return verify(dummyHash, password).map(ignored -> false);
  }

  /**
   * Whether a stored hash was made otherwise than the configured way (another variant, version or
   * cost, lower or higher). argon2-jvm's own check only reports weaker costs.
   */
  public boolean needsRehash(String hash) {
    return !hash.startsWith(configuredPrefix);
  }

  private String hashNow(String password) {
    char[] chars = Passwords.normalise(password).toCharArray();
    try {
      return argon2.hash(
          properties.iterations(), properties.memoryKib(), properties.parallelism(), chars);
    } finally {
      argon2.wipeArray(chars);
    }
  }

  private <T> Mono<T> onPool(Callable<T> work) {
    return Mono.<T>create(
            sink -> {
              try {
                pool.execute(
                    () -> {
                      try {
                        sink.success(work.call());
                      } catch (Exception | Error failure) {
                        sink.error(failure);
                      }
                    });
              } catch (RejectedExecutionException full) {
                sink.error(AuthProblems.busy(properties.retryAfter()));
              }
            })
        .publishOn(Schedulers.parallel());
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }
}
