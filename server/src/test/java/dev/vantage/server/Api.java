package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JSON API client for tests, with an optional bearer token. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status and the body (parsed as JSON where it is JSON). */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    @Nullable String token;

    Api(String base, @Nullable String token) {
        this.base = base;
        this.token = token;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(builder(path).GET());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(builder(path).DELETE());
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r);
    }

    /** Signs up and logs in through the API; returns a client holding the new token. */
    static Api newAccount(String base, String email) throws IOException, InterruptedException {
        Api anon = new Api(base, null);
        Reply signup = anon.post("/accounts", java.util.Map.of("email", email, "password", "correct horse battery"));
        if (signup.status() != 201) throw new AssertionError("sign-up: " + signup.status() + " " + signup.body());
        Reply login = anon.post("/tokens", java.util.Map.of("email", email, "password", "correct horse battery", "name", "test"));
        if (login.status() != 201) throw new AssertionError("login: " + login.status() + " " + login.body());
        return new Api(base, login.json().path("token").asText());
    }
}
