package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.target.Cidr;
import dev.vantage.server.security.TrustedProxies;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A proof of control that runs out, and the client address a trusted proxy names (HTTP level). */
class ProofExpiryAndProxyTest {
    @Test
    void anExpiredProofRefusesOrdersUntilControlIsProvenAgain() throws Exception {
        try (TestServer s = TestServer.start(b -> b.worker(false).proofValidity(Duration.ofSeconds(2)))) {
            Api api = Api.newAccount(s.server.baseUrl(), "expiry@example.org");
            String target = api.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
            assertEquals(200, api.post("/targets/" + target + "/verify", Map.of("method", "self")).status());
            assertEquals(202, api.post("/orders", Map.of("target", target, "level", 1, "ports", "22")).status());

            Thread.sleep(2300);
            Api.Reply refused = api.post("/orders", Map.of("target", target, "level", 1, "ports", "22"));
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("expired"), refused.body());
            assertTrue(api.get("/audit").body().contains("proof of control expired"));

            Browser b = new Browser(s.server.baseUrl());
            b.signUp("expiry-ui@example.org", "correct horse battery");
            String id = TargetRoutesTest.addTarget(b, "127.0.0.1");
            b.get("/targets/" + id);
            b.post("/targets/" + id + "/verify", "method", "self");
            assertTrue(b.get("/targets/" + id).body().contains("id=\"proof-expires\""));
            Thread.sleep(2300);
            String page = b.get("/targets/" + id).body();
            assertTrue(page.contains("id=\"proof-expired\""), "the page says the proof has run out");
            assertTrue(page.contains("id=\"verify-self\"") || page.contains("method\" value=\"self\""), "and offers to prove it again");

            assertEquals(200, api.post("/targets/" + target + "/verify", Map.of("method", "self")).status());
            assertEquals(202, api.post("/orders", Map.of("target", target, "level", 1, "ports", "22")).status(), "proven again");
        }
    }

    @Test
    void onlyATrustedProxyMayNameTheClient() throws Exception {
        try (TestServer plain = TestServer.start(b -> b.worker(false));
             TestServer proxied = TestServer.start(b -> b.worker(false)
                     .trustedProxies(new TrustedProxies(List.of(Cidr.parse("127.0.0.1/32")))))) {
            // The test connects from 127.0.0.1 and claims to be 127.0.0.2, the host to be proven.
            assertEquals(422, selfCheckClaiming(plain, "127.0.0.2").statusCode(), "an untrusted header is ignored");
            HttpResponse<String> through = selfCheckClaiming(proxied, "203.0.113.9, 127.0.0.2");
            assertEquals(200, through.statusCode(), through.body());
            // The rightmost untrusted entry counts: a client's own claim further left does not.
            assertEquals(422, selfCheckClaiming(proxied, "127.0.0.2, 203.0.113.9").statusCode());
        }
    }

    private static HttpResponse<String> selfCheckClaiming(TestServer s, String forwardedFor) throws Exception {
        Api api = Api.newAccount(s.server.baseUrl(), "proxy-" + System.nanoTime() + "@example.org");
        JsonNode t = api.post("/targets", Map.of("host", "127.0.0.2")).json();
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.server.baseUrl() + "/api/v1/targets/" + t.path("id").asText() + "/verify"))
                .header("Authorization", "Bearer " + api.token).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"self\"}")).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }
}
