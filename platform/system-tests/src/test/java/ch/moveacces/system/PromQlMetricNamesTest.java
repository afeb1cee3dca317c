package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void takesOutFunctionsLabelsRangesAndGrouping() {
    assertThat(
            PromQlMetricNames.in(
                "histogram_quantile(0.95, sum by (application, uri, le) (rate("
                    + "http_server_requests_seconds_bucket{application=~\"$application\","
                    + " uri!~\"/actuator.*\", status!=\"101\"}[$__rate_interval]))) > 0.2"))
        .containsExactly("http_server_requests_seconds_bucket");
  }

  @Test
  void findsEverySelectorOfABinaryExpression() {
    assertThat(
            PromQlMetricNames.in(
                "sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                    + " / sum(rate(http_server_requests_seconds_sum[5m])) > 0.05 and on (job)"
                    + " max_over_time(sum(realtime_connections)[10m:1m]) offset 5m > 1e3"))
        .containsExactly(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "realtime_connections");
  }

  @Test
  void readsABareSelector() {
    assertThat(PromQlMetricNames.in("up{job=~\"gateway|services\"} == 0")).containsExactly("up");
    assertThat(PromQlMetricNames.in("sum(rate(x_total[1m])) by (policy)"))
        .containsExactly("x_total");
  }
}
