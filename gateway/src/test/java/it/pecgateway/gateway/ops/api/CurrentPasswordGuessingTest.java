package it.pecgateway.gateway.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.ops.OpsFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password change proves the current password: with a session (a stolen cookie, a terminal left open) it must not
 * be a way to guess the password faster than logging in. A fixture of its own: the lock covers 127.0.0.1.
 */
class CurrentPasswordGuessingTest {
    @TempDir
    Path dir;

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLogins() throws Exception {
        try (OpsFixture f = OpsFixture.start(dir)) {
            f.activeMember("rita@pec.localhost", "rita@example.org", "Rita-right-pw-2024");
            String session = f.https.post("/api/v1/session", null, Map.of("address", "rita@pec.localhost",
                    "password", "Rita-right-pw-2024")).field("token");

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(f.https.call("PUT", "/api/v1/me/password", session, Map.of("current", "Guess-" + i + "-pw-2024",
                        "password", "Rita-next-pw-2025")).status());
            }
            ApiClient.Answer right = f.https.call("PUT", "/api/v1/me/password", session, Map.of("current", "Rita-right-pw-2024",
                    "password", "Rita-next-pw-2025"));
            ApiClient.Answer login = f.https.post("/api/v1/session", null, Map.of("address", "rita@pec.localhost",
                    "password", "Rita-right-pw-2024"));

            assertThat(statuses.get(0)).isEqualTo(403);
            assertThat(statuses.get(11)).as(statuses.toString()).isEqualTo(429);
            assertThat(right.status()).as("locked: not even the right password is checked").isEqualTo(429);
            assertThat(right.error()).isEqualTo("too_many_requests");
            assertThat(login.status()).as("the same lock as logins").isEqualTo(429);
            assertThat(f.gateway.store().accounts().authenticate("rita@pec.localhost", "Rita-right-pw-2024".toCharArray())).isPresent();
        }
    }
}
