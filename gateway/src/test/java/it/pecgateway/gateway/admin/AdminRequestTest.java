package it.pecgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminRequestTest {
    @Test
    void travelsAsJsonAndBack() throws IOException {
        AdminRequest request = new AdminRequest(AdminRequest.Operation.ADD_MAILBOX, "a@pec.localhost", Optional.of("p\"w\\1"));
        assertThat(AdminRequest.fromJson(request.toJson())).isEqualTo(request);
        AdminReply reply = new AdminReply(1, "out\n", "a@pec.localhost: mailbox exists already");
        assertThat(AdminReply.fromJson(reply.toJson())).isEqualTo(reply);
    }

    @Test
    void neverShowsThePasswordWhenLogged() {
        AdminRequest request = new AdminRequest(AdminRequest.Operation.SET_PASSWORD, "a@pec.localhost", Optional.of("hunter2"));
        assertThat(request.toString()).isEqualTo("SET_PASSWORD a@pec.localhost (with password)");
    }

    @Test
    void anUnknownOperationIsRefused() {
        assertThatThrownBy(() -> AdminRequest.fromJson("{\"operation\":\"DROP_ALL\",\"subject\":\"x\"}")).isInstanceOf(IOException.class);
    }
}
