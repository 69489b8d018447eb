package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The check service's JSON API for the integration tests, with the account's token once logged in. */
final class ServiceClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: the status and the JSON body (or null). */
    record Reply(int status, JsonNode json, String body) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    ServiceClient(String base) {
        this.base = base;
    }

    /** Signs up and takes a token. */
    ServiceClient account(String email) throws Exception {
        Reply r = post("/accounts", Map.of("email", email, "password", "correct horse battery staple"));
        if (r.status() != 201) throw new AssertionError("sign-up: " + r.status() + " " + r.body());
        r = post("/tokens", Map.of("email", email, "password", "correct horse battery staple"));
        if (r.status() != 201) throw new AssertionError("login: " + r.status() + " " + r.body());
        token = r.json().path("token").asText();
        return this;
    }

    ServiceClient withToken(String t) {
        token = t;
        return this;
    }

    String token() {
        return token;
    }

    Reply get(String path) throws Exception {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Waits (bounded) until the order has finished; returns it. */
    JsonNode awaitOrder(String id, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            JsonNode o = get("/orders/" + id).json();
            String s = o.path("status").asText();
            if (!s.equals("queued") && !s.equals("running")) return o;
            Thread.sleep(250);
        }
        throw new AssertionError("order " + id + " did not finish within " + max);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (IOException e) {
            // not JSON (a rendered report)
        }
        return new Reply(r.statusCode(), json, r.body());
    }

    /** A listener on 127.0.0.1 that accepts and holds connections; closed with the returned socket. */
    static ServerSocket listener(List<ServerSocket> keep) throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        keep.add(s);
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    c.setSoTimeout(2000);
                    c.getInputStream().read();
                } catch (IOException e) {
                    // closed, or the client left
                }
            }
        });
        return s;
    }
}
