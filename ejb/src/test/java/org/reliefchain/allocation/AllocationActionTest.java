package org.reliefchain.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.security.Caller;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.Role;

/**
 * Who may do what to an order now: the one rule behind the service's checks, the inbox and the buttons.
 * An order from the Wenzhou city reserve (3303) to the Yongjia county reserve (330324).
 */
class AllocationActionTest {

    private static final DivisionCode CITY = DivisionCode.of("3303");
    private static final DivisionCode COUNTY = DivisionCode.of("330324");
    private static final Instant NOW = Instant.parse("2026-08-10T01:00:00Z");

    private static Caller manager(String name, String root) {
        return new Caller(name, Role.WAREHOUSE_MANAGER, new Jurisdiction(DivisionCode.of(root)));
    }

    private static AllocationOrder order(String emergency) {
        AllocationOrder o = new AllocationOrder(1L, 2L, "台风前预置", emergency, null, "3303", "county.a", NOW);
        o.addLine("TENT-COTTON-12", org.reliefchain.stock.Quantity.of("10"));
        return o;
    }

    private static java.util.Set<AllocationAction> of(AllocationOrder o, Caller c) {
        return AllocationAction.allowed(o, c, CITY, COUNTY);
    }

    @Test
    void a_draft_is_submitted_or_deleted_by_the_destination_only() {
        AllocationOrder draft = order(null);
        assertThat(of(draft, manager("county.b", "330324"))).containsExactlyInAnyOrder(AllocationAction.SUBMIT,
                AllocationAction.DELETE);
        assertThat(of(draft, manager("city.a", "3303"))).as("the city covers the county too: it may submit")
                .containsExactlyInAnyOrder(AllocationAction.SUBMIT, AllocationAction.DELETE);
        assertThat(of(draft, manager("hz", "3301"))).isEmpty();
    }

    @Test
    void neither_the_requester_nor_who_submitted_approves() {
        AllocationOrder o = order(null);
        o.submit("county.b", "DB2026-000001", NOW);
        assertThat(of(o, manager("county.a", "3303"))).as("the requester").doesNotContain(AllocationAction.APPROVE,
                AllocationAction.REJECT);
        assertThat(of(o, manager("county.b", "3303"))).as("who submitted").doesNotContain(AllocationAction.APPROVE,
                AllocationAction.REJECT);
        assertThat(of(o, manager("city.a", "3303"))).containsExactlyInAnyOrder(AllocationAction.APPROVE,
                AllocationAction.REJECT, AllocationAction.CANCEL);
        assertThat(of(o, manager("county.c", "330324"))).as("covers one end: cancel only")
                .containsExactly(AllocationAction.CANCEL);
    }

    @Test
    void the_source_ships_and_the_destination_but_not_the_shipper_receives() {
        AllocationOrder o = order(null);
        o.submit("county.a", "DB2026-000001", NOW);
        o.approve("city.a", NOW);
        assertThat(of(o, manager("city.b", "3303"))).containsExactlyInAnyOrder(AllocationAction.SHIP,
                AllocationAction.CANCEL);
        assertThat(of(o, manager("county.a", "330324"))).containsExactly(AllocationAction.CANCEL);
        o.ship("city.b", null, NOW);
        assertThat(of(o, manager("county.a", "330324"))).containsExactly(AllocationAction.RECEIVE);
        assertThat(of(o, manager("city.b", "3303"))).as("whoever shipped does not receive").isEmpty();
        assertThat(of(o, manager("city.c", "3303"))).containsExactly(AllocationAction.RECEIVE);
    }

    @Test
    void an_emergency_order_ships_before_approval_and_is_approved_afterwards() {
        AllocationOrder o = order("INC-2026-0001");
        o.submit("county.a", "DB2026-000002", NOW);
        assertThat(of(o, manager("city.a", "3303"))).contains(AllocationAction.SHIP, AllocationAction.APPROVE);
        o.ship("city.a", null, NOW);
        assertThat(of(o, manager("city.b", "3303"))).contains(AllocationAction.APPROVE, AllocationAction.RECEIVE)
                .doesNotContain(AllocationAction.CANCEL);
    }

    @Test
    void other_roles_do_nothing_to_an_order() {
        AllocationOrder o = order(null);
        o.submit("county.a", "DB2026-000001", NOW);
        for (Role role : new Role[] {Role.DISPATCHER, Role.FINANCE, Role.AUDITOR, Role.ADMIN}) {
            assertThat(AllocationAction.allowed(o, new Caller("x", role, new Jurisdiction(DivisionCode.of("33"))), CITY,
                    COUNTY)).as(role.name()).isEmpty();
        }
    }
}
