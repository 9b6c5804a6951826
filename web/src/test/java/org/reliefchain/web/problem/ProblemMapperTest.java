package org.reliefchain.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.security.OutsideJurisdictionException;

class ProblemMapperTest {

    @Test
    void business_refusals_keep_their_type_and_message() {
        assertThat(ProblemMapper.classify(new NotFoundException("division", "339999")))
                .extracting(ProblemMapper.Classified::status, ProblemMapper.Classified::type,
                        ProblemMapper.Classified::detail)
                .containsExactly(404, "not-found", "division 339999 does not exist");
        assertThat(ProblemMapper.classify(new ConflictException("duplicate-username", "taken")).status()).isEqualTo(409);
        ProblemMapper.Classified invalid = ProblemMapper.classify(new InvalidInputException("size", "too big"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errors()).containsExactly(new InvalidInputException.FieldError("size", "too big"));
    }

    @Test
    void a_refusal_wrapped_by_the_container_is_found_inside_the_wrapper() {
        OutsideJurisdictionException outside = new OutsideJurisdictionException(DivisionCode.of("330324"),
                DivisionCode.of("330302"), "stock");
        assertThat(ProblemMapper.classify(new EJBException(outside)).type()).isEqualTo("outside-jurisdiction");
        assertThat(ProblemMapper.classify(new EJBException(new OptimisticLockException("row changed"))).status())
                .isEqualTo(409);
    }

    @Test
    void a_missing_role_is_forbidden() {
        assertThat(ProblemMapper.classify(new EJBAccessException("denied")).status()).isEqualTo(403);
    }

    @Test
    void unreadable_json_is_a_bad_request() {
        assertThat(ProblemMapper.classify(new ProcessingException(new JsonbException("unexpected EOF"))).type())
                .isEqualTo("malformed-json");
    }

    @Test
    void a_defect_is_a_500_that_tells_an_incident_id_and_nothing_else() {
        ProblemMapper.Classified p = ProblemMapper.classify(
                new IllegalStateException("password column is null for user 'x' at com.example.Secret"));
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).matches("the server failed; quote incident [0-9a-f-]{36} when reporting it");
        assertThat(p.detail()).doesNotContain("password", "Secret", "IllegalState");
    }

    @Test
    void a_database_out_of_reach_is_503_to_retry_not_a_500_defect() {
        var refused = new org.postgresql.util.PSQLException("Connection to localhost:54329 refused",
                org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT, new java.net.ConnectException("refused"));
        ProblemMapper.Classified down = ProblemMapper.classify(new EJBException(new jakarta.persistence.PersistenceException(
                "Exception [EclipseLink-4002]", refused)));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.type()).isEqualTo("database-unavailable");
        assertThat(ProblemMapper.retryAfter(down)).isEqualTo(ProblemMapper.RETRY_AFTER_SECONDS);
        assertThat(ProblemMapper.retryAfter(ProblemMapper.classify(new NotFoundException("division", "339999")))).isNull();
        // PostgreSQL shutting down (57P01) or starting up (57P03) answers the same
        assertThat(ProblemMapper.classify(new java.sql.SQLException("terminating connection due to administrator command",
                "57P01")).status()).isEqualTo(503);
        assertThat(ProblemMapper.classify(new java.sql.SQLException("the database system is starting up", "57P03"))
                .status()).isEqualTo(503);
        // a constraint violation is not an outage
        assertThat(ProblemMapper.classify(new java.sql.SQLException("duplicate key", "23505")).status()).isEqualTo(500);
    }
}
