package ch.moveacces.benchmarks;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.Arrays;

/**
 * The time of one Argon2id hash with the parameters auth-service uses (m=64 MiB, t=3, p=1), on this
 * machine, through the same library: the yardstick for login throughput.
 */
final class Argon2HashTime {

  static final int MEMORY_KIB = 65536;
  static final int ITERATIONS = 3;
  static final int PARALLELISM = 1;

  private Argon2HashTime() {}

  /** The median of {@code runs} hashes, after one untimed hash that loads the native library. */
  static double medianMillis(int runs) {
    Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    char[] password = BenchUsers.PASSWORD.toCharArray();
    argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
  }
}
