package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

  @Test
  void takesExtraJvmFlagsForOneApplicationFromTheEnvironment() {
    Map<String, String> environment =
        Map.of("DEVSTACK_JAVA_OPTS_REALTIME_SERVICE", " -Xmx512m  -XX:MaxDirectMemorySize=64m ");

    assertThat(ServiceProcess.extraJvmFlags(Application.REALTIME, environment))
        .containsExactly("-Xmx512m", "-XX:MaxDirectMemorySize=64m");
    assertThat(ServiceProcess.extraJvmFlags(Application.GATEWAY, environment)).isEmpty();
    assertThat(ServiceProcess.extraJvmFlagsVariable(Application.GATEWAY))
        .isEqualTo("DEVSTACK_JAVA_OPTS_GATEWAY");
  }
}
