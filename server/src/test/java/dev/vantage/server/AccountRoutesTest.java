package dev.vantage.server;

import dev.vantage.server.service.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up, login, logout, password change, API tokens, language, CSRF and the login limits, over HTTP. */
class AccountRoutesTest {
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(b -> b.limits(Limits.defaults().withLogins(1000, 3)));
    }

    @AfterAll
    static void stop() throws Exception {
        s.destroy();
    }

    @Test
    void aVisitorIsSentToTheLoginPage() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        HttpResponse<String> r = b.get("/");
        assertEquals(303, r.statusCode());
        assertEquals("/login", r.headers().firstValue("Location").orElseThrow());
        r = b.get("/login");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("name=\"csrf\""));
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http: no Secure flag");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
    }

    @Test
    void signUpLogOutLogInAgain() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("alice@example.org", "correct horse battery");
        HttpResponse<String> home = b.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("alice") || home.body().contains("Your targets"));
        String sessionBefore = b.cookies.get("vantage_session");

        HttpResponse<String> out = b.post("/logout");
        assertEquals(303, out.statusCode());
        assertFalse(b.cookies.containsKey("vantage_session"));
        assertEquals(303, b.get("/").statusCode());

        b.get("/login");
        HttpResponse<String> bad = b.post("/login", "email", "alice@example.org", "password", "wrong password!!");
        assertEquals(401, bad.statusCode());
        assertTrue(bad.body().contains("not right"));
        HttpResponse<String> in = b.post("/login", "email", "Alice@Example.org", "password", "correct horse battery");
        assertEquals(303, in.statusCode());
        assertFalse(b.cookies.get("vantage_session").equals(sessionBefore), "a login starts a new session");
        assertEquals(200, b.get("/").statusCode());
    }

    @Test
    void signUpRefusesShortPasswordsBadAddressesAndTakenOnes() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.get("/signup");
        assertEquals(400, b.post("/signup", "email", "bob@example.org", "password", "short").statusCode());
        assertEquals(400, b.post("/signup", "email", "not-an-address", "password", "long enough password").statusCode());
        assertEquals(303, b.post("/signup", "email", "bob@example.org", "password", "long enough password").statusCode());
        Browser other = new Browser(s.server.baseUrl());
        other.get("/signup");
        assertEquals(409, other.post("/signup", "email", "bob@example.org", "password", "another long password").statusCode());
    }

    @Test
    void formsWithoutOrWithAWrongCsrfTokenAreRefused() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("carol@example.org", "correct horse battery");
        assertEquals(403, b.postRaw("/targets", "host", "127.0.0.1").statusCode());
        assertEquals(403, b.postRaw("/targets", "host", "127.0.0.1", "csrf", "x".repeat(43)).statusCode());
        assertEquals(403, b.postRaw("/logout").statusCode());
        assertEquals(200, b.get("/").statusCode(), "still logged in after the refused logout");
        Browser stranger = new Browser(s.server.baseUrl());
        assertEquals(403, stranger.postRaw("/login", "email", "carol@example.org", "password", "correct horse battery").statusCode());
        assertEquals(303, b.post("/targets", "host", "127.0.0.1").statusCode(), "with the token it works");
    }

    @Test
    void passwordChangeEndsOtherSessions() throws Exception {
        Browser first = new Browser(s.server.baseUrl());
        first.signUp("dave@example.org", "correct horse battery");
        Browser second = new Browser(s.server.baseUrl());
        second.get("/login");
        assertEquals(303, second.post("/login", "email", "dave@example.org", "password", "correct horse battery").statusCode());
        assertEquals(200, second.get("/account").statusCode());

        first.get("/account");
        assertEquals(403, first.post("/account/password", "current", "wrong one!!", "new", "a new good password", "confirm", "a new good password").statusCode());
        assertEquals(400, first.post("/account/password", "current", "correct horse battery", "new", "a new good password", "confirm", "different").statusCode());
        HttpResponse<String> ok = first.post("/account/password", "current", "correct horse battery", "new", "a new good password",
                "confirm", "a new good password");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("changed"));
        assertEquals(200, first.get("/account").statusCode(), "the browser that changed it stays logged in");
        assertEquals(303, second.get("/account").statusCode(), "the other session has ended");

        Browser third = new Browser(s.server.baseUrl());
        third.get("/login");
        assertEquals(401, third.post("/login", "email", "dave@example.org", "password", "correct horse battery").statusCode());
        assertEquals(303, third.post("/login", "email", "dave@example.org", "password", "a new good password").statusCode());
    }

    @Test
    void apiTokensAreShownOnceAndCanBeRevoked() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("erin@example.org", "correct horse battery");
        b.get("/account");
        HttpResponse<String> r = b.post("/account/tokens", "name", "backup");
        assertEquals(200, r.statusCode());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"new-token\">(vt_[A-Za-z0-9_-]{43})<").matcher(r.body());
        assertTrue(m.find(), r.body());
        String token = m.group(1);
        Api api = new Api(s.server.baseUrl(), token);
        assertEquals("erin@example.org", api.get("/me").json().path("email").asText());
        assertFalse(b.get("/account").body().contains(token), "the token is shown only once");
        long id = api.get("/tokens").json().get(0).path("id").asLong();
        assertEquals(303, b.post("/account/tokens/" + id + "/revoke").statusCode());
        assertEquals(401, api.get("/me").status());
    }

    @Test
    void theLanguageSwitchesAndStaysOnTheSite() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        HttpResponse<String> r = b.get("/lang?to=ja&back=/login");
        assertEquals(303, r.statusCode());
        assertEquals("/login", r.headers().firstValue("Location").orElseThrow());
        assertTrue(b.get("/login").body().contains("ログイン"));
        assertEquals("/", b.get("/lang?to=en&back=//evil.example/").headers().firstValue("Location").orElseThrow());
        assertEquals("/", b.get("/lang?to=en&back=https://evil.example/").headers().firstValue("Location").orElseThrow());
        Browser jaBrowser = new Browser(s.server.baseUrl());
        jaBrowser.acceptLanguage = "ja,en;q=0.5";
        assertTrue(jaBrowser.get("/signup").body().contains("アカウントの作成"));
    }

    @Test
    void loginAttemptsAreLimitedPerAccountAndPerAddress() throws Exception {
        Browser victim = new Browser(s.server.baseUrl());
        victim.signUp("frank@example.org", "correct horse battery");
        Browser attacker = new Browser(s.server.baseUrl());
        attacker.get("/login");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, attacker.post("/login", "email", "frank@example.org", "password", "guess number " + i).statusCode());
        }
        HttpResponse<String> limited = attacker.post("/login", "email", "frank@example.org", "password", "correct horse battery");
        assertEquals(429, limited.statusCode(), "the account is locked for a while, even with the right password");
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void loginAttemptsAreLimitedPerAddress() throws Exception {
        try (TestServer tight = TestServer.start(b -> b.limits(Limits.defaults().withLogins(5, 100)))) {
            Browser attacker = new Browser(tight.server.baseUrl());
            attacker.get("/login");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, attacker.post("/login", "email", "nobody" + i + "@example.org", "password", "whatever it is").statusCode());
            }
            HttpResponse<String> limited = attacker.post("/login", "email", "nobody@example.org", "password", "whatever it is");
            assertEquals(429, limited.statusCode());
            Api api = new Api(tight.server.baseUrl(), null);
            assertEquals(429, api.post("/tokens", java.util.Map.of("email", "x@example.org", "password", "whatever it is")).status(),
                    "the API shares the limit");
        }
    }
}
