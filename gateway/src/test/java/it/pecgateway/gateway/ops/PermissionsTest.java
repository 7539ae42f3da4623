package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.gateway.ops.Permissions.Action;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PermissionsTest {
    final Actor postmaster = new Actor.Postmaster("pm", "pec.example.it");
    final Actor holder = new Actor.Holder("anna@pec.example.it");

    @Test
    void operatorsAndTheGatewayMayDoEverything() {
        for (Action a : Action.values()) {
            assertThat(Permissions.allowed(new Actor.Operator("ops"), a, "x@other.example")).isTrue();
            assertThat(Permissions.allowed(new Actor.System("lifecycle"), a, "")).isTrue();
        }
    }

    @Test
    void aPostmasterActsOnItsOwnDomainOnlyAndOnlyAsTheGuidesSay() {
        EnumSet<Action> allowed = EnumSet.of(Action.CREATE_MAILBOX, Action.DELETE_MAILBOX, Action.SUSPEND, Action.SEND_RESET,
                Action.VIEW_MAILBOX, Action.LIST_MAILBOXES, Action.IMPORT);
        for (Action a : Action.values()) {
            assertThat(Permissions.allowed(postmaster, a, "b@pec.example.it")).as(a.name()).isEqualTo(allowed.contains(a));
            assertThat(Permissions.allowed(postmaster, a, "B@PEC.EXAMPLE.IT")).as(a + " in upper case").isEqualTo(allowed.contains(a));
            assertThat(Permissions.allowed(postmaster, a, "b@other.example")).as(a + " elsewhere").isFalse();
            assertThat(Permissions.allowed(postmaster, a, "b@evil.pec.example.it")).as(a + " in a subdomain").isFalse();
            assertThat(Permissions.allowed(postmaster, a, "")).as(a + " provider-wide").isFalse();
        }
        assertThat(Permissions.allowed(postmaster, Action.LIST_MAILBOXES, "pec.example.it")).isTrue();
    }

    @Test
    void aHolderActsOnItsOwnMailboxOnly() {
        assertThat(Permissions.allowed(holder, Action.CHANGE_OWN_PASSWORD, "anna@pec.example.it")).isTrue();
        assertThat(Permissions.allowed(holder, Action.CHANGE_OWN_PASSWORD, "bruno@pec.example.it")).isFalse();
        assertThat(Permissions.allowed(holder, Action.SUSPEND, "anna@pec.example.it")).isFalse();
        assertThat(Permissions.allowed(new Actor.Anonymous("127.0.0.1"), Action.VIEW_MAILBOX, "anna@pec.example.it")).isFalse();
        assertThatThrownBy(() -> Permissions.require(postmaster, Action.DELETE_MAILBOX, "x@other.example"))
                .isInstanceOfSatisfying(OpsException.class, e -> assertThat(e.kind()).isEqualTo(OpsException.Kind.FORBIDDEN))
                .hasMessage("a postmaster of pec.example.it may not delete mailbox for x@other.example");
    }
}
