package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void namesAreFoundOutsideFunctionsLabelsRangesAndGroupings() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(pec_signing_seconds_bucket{instance=~\"$instance\"}[$__rate_interval])))"))
                .containsExactly("pec_signing_seconds_bucket");
        assertThat(PromQl.metricNames("sum by (protocol, reason) (rate(a_total{x=\"y}\",z!=\"w\"}[5m])) / on (protocol) b_total offset 1h"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQl.metricNames("max(pec_queue_oldest_age_seconds) > 3600")).containsExactly("pec_queue_oldest_age_seconds");
    }
}
