package org.reliefchain.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The application's API as one signed-in user (HTTP Basic, HTTP/1.1 keep-alive, as scripts and browsers
 * on plain http talk to it). Answers other than the expected status end the benchmark with the
 * problem the server gave: a benchmark that carries on past a refusal measures nothing.
 */
final class BenchApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and its body, for the calls whose refusals the benchmark explains itself. */
    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final URI base;
    private final String user;
    private final String auth;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    BenchApi(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String user() {
        return user;
    }

    JsonNode get(String path) throws Exception {
        return expect(200, "GET " + path, send(request(path).GET()));
    }

    /** A GET whose body is not needed: only the status counts (the latency probe). */
    int status(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    Reply post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode expect(int status, String what, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private HttpRequest.Builder request(String path) {
        // Approving a large plan is one long transaction: minutes, not the seconds a page gets.
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10)).header("Authorization", auth);
    }
}
