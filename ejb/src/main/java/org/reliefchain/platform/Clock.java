package org.reliefchain.platform;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The time, injected so that tests and replays can fix it. */
@ApplicationScoped
public class Clock {

    public Instant now() {
        return Instant.now();
    }
}
