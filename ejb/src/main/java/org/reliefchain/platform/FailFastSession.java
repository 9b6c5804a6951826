package org.reliefchain.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes EclipseLink give up at once when the database does not answer. Out of the box it retries a read
 * outside a transaction three times after a communication failure, sleeping a second or more between tries:
 * with PostgreSQL down, the first request after the crash hung about 10 s (seen in a thread dump, sleeping in
 * {@code AbstractSession.retryQuery}) before its 503. One immediate retry is kept: it takes a fresh connection
 * from the pool when the one it had was closed by a database restart, which is what the retry is for.
 * (The pool validates every connection it hands out as well: see {@link DatabaseSetup}.)
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
