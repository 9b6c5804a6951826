package org.reliefchain.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.reliefchain.security.SignInUnlocked;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(now::get);

    private void later(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void five_wrong_passwords_cost_nothing_then_the_pause_doubles_and_the_tenth_locks_for_fifteen_minutes() {
        for (int i = 1; i <= 5; i++) {
            assertThat(throttle.failed("wang", "10.0.0.1")).isEqualTo(i);
            assertThat(throttle.closedFor("wang", "10.0.0.1")).isZero();
        }
        Duration[] pauses = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4)};
        for (Duration pause : pauses) {
            throttle.failed("wang", "10.0.0.1");
            assertThat(throttle.closedFor("wang", "10.0.0.1")).isEqualTo(pause);
            later(pause);
            assertThat(throttle.closedFor("wang", "10.0.0.1")).isZero();
        }
        assertThat(throttle.failed("Wang ", "10.0.0.2")).as("the name, whatever its case or address").isEqualTo(10);
        assertThat(throttle.closedFor("wang", "10.0.0.3")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.closedFor("wang")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.closedFor("li", "10.0.0.3")).as("other names are not closed").isZero();
    }

    @Test
    void a_right_password_or_an_administrator_reopens_the_name_and_an_hour_forgets_old_failures() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("zhao", "10.0.0.1");
        }
        throttle.unlocked(new SignInUnlocked("zhao"));
        assertThat(throttle.closedFor("zhao", "10.0.0.1")).isZero();
        assertThat(throttle.failed("zhao", "10.0.0.1")).as("counting starts again").isEqualTo(1);
        throttle.succeeded("zhao");
        assertThat(throttle.failed("zhao", "10.0.0.1")).isEqualTo(1);
        later(Duration.ofMinutes(61));
        assertThat(throttle.failed("zhao", "10.0.0.1")).as("an hour later").isEqualTo(1);
    }

    @Test
    void one_address_trying_many_names_is_closed_after_ten_times_the_tries_of_one_name() {
        for (int i = 1; i <= 50; i++) {
            throttle.failed("name" + i, "203.0.113.9");
        }
        assertThat(throttle.closedFor("someone", "203.0.113.9")).isZero();
        throttle.failed("name51", "203.0.113.9");
        assertThat(throttle.closedFor("someone", "203.0.113.9")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.closedFor("someone", "198.51.100.1")).as("other addresses go on").isZero();
        throttle.succeeded("name51");
        assertThat(throttle.closedFor("someone", "203.0.113.9")).as("a right password elsewhere does not reopen the"
                + " address").isEqualTo(Duration.ofSeconds(30));
    }
}
