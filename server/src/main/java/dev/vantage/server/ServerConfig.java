package dev.vantage.server;

import dev.vantage.server.security.Scope;
import dev.vantage.server.security.TrustedProxies;
import dev.vantage.server.service.Limits;
import dev.vantage.store.StoreConfig;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Everything {@code vantage serve} is told, validated once here.
 *
 * @param host, port     where the web UI and API listen (port 0: any free port)
 * @param store          the database (an H2 file in the data directory, or PostgreSQL)
 * @param scope          the operator's allowed and denied ranges
 * @param worker         run orders in this process (false: only queue them; another process works)
 * @param workerThreads  orders run at once by this process
 * @param publicUrl      the URL people reach the service at (links in e-mail; https makes cookies Secure);
 *                       null: where it listens
 * @param dnsServer      host:port of the DNS server for the proofs and target names, or null for the system's
 * @param httpProofPort  the port of the HTTP proof ({@code http://host/.well-known/...}), 80 but for tests
 * @param smtpHost       the relay for change notices, or null for no e-mail
 * @param mailFrom       the sender of change notices
 * @param scanRate       connection attempts per second per order (0: no cap)
 * @param vantageName    the name of the place the service checks from, shown in reports
 * @param heartbeat      how often a running order says it is alive; a crashed run is taken up again after 4 missed beats
 * @param argonMemoryKib Argon2id memory cost (19456 KiB by default; tests use less)
 * @param trustedProxies reverse proxies whose X-Forwarded-For names the client ({@code --trust-proxy}); none by default
 * @param proofValidity  how long a proof of control lasts before it must be given again ({@code --proof-valid-days})
 */
public record ServerConfig(String host, int port, StoreConfig store, Scope scope, boolean worker, int workerThreads,
                           @Nullable String publicUrl, @Nullable String dnsServer, int httpProofPort, @Nullable String smtpHost,
                           int smtpPort, String mailFrom, Limits limits, int scanRate, @Nullable String vantageName,
                           Duration heartbeat, Duration pollingInterval, int argonMemoryKib, int argonIterations,
                           TrustedProxies trustedProxies, Duration proofValidity) {
    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--listen needs a port from 0 to 65535");
        if (workerThreads < 1 || workerThreads > 64) throw new IllegalArgumentException("--workers must be between 1 and 64");
        if (httpProofPort < 1 || httpProofPort > 65535) throw new IllegalArgumentException("the HTTP proof port must be 1-65535");
        if (smtpPort < 1 || smtpPort > 65535) throw new IllegalArgumentException("--smtp needs a port from 1 to 65535");
        if (scanRate < 0) throw new IllegalArgumentException("--scan-rate must not be negative");
        if (proofValidity.isNegative() || proofValidity.isZero()) throw new IllegalArgumentException("a proof must stay valid for some time");
    }

    public static Builder builder(StoreConfig store) {
        return new Builder(store);
    }

    public boolean secureCookies() {
        return publicUrl != null && publicUrl.startsWith("https://");
    }

    /** Collects the settings; {@link #build()} validates them. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private final StoreConfig store;
        private Scope scope = Scope.publicOnly();
        private boolean worker = true;
        private int workerThreads = 4;
        private @Nullable String publicUrl;
        private @Nullable String dnsServer;
        private int httpProofPort = 80;
        private @Nullable String smtpHost;
        private int smtpPort = 25;
        private String mailFrom = "vantage@localhost";
        private Limits limits = Limits.defaults();
        private int scanRate = 2000;
        private @Nullable String vantageName;
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration pollingInterval = Duration.ofSeconds(2);
        private int argonMemoryKib = 19_456;
        private int argonIterations = 2;
        private TrustedProxies trustedProxies = TrustedProxies.none();
        private Duration proofValidity = Duration.ofDays(30);

        private Builder(StoreConfig store) {
            this.store = store;
        }

        public Builder listen(String host, int port) { this.host = host; this.port = port; return this; }
        public Builder scope(Scope scope) { this.scope = scope; return this; }
        public Builder worker(boolean worker) { this.worker = worker; return this; }
        public Builder workerThreads(int n) { this.workerThreads = n; return this; }
        public Builder publicUrl(@Nullable String url) { this.publicUrl = url; return this; }
        public Builder dnsServer(@Nullable String server) { this.dnsServer = server; return this; }
        public Builder httpProofPort(int port) { this.httpProofPort = port; return this; }
        public Builder smtp(@Nullable String host, int port) { this.smtpHost = host; this.smtpPort = port; return this; }
        public Builder mailFrom(String from) { this.mailFrom = from; return this; }
        public Builder limits(Limits limits) { this.limits = limits; return this; }
        public Builder scanRate(int rate) { this.scanRate = rate; return this; }
        public Builder vantageName(@Nullable String name) { this.vantageName = name; return this; }
        public Builder heartbeat(Duration d) { this.heartbeat = d; return this; }
        public Builder pollingInterval(Duration d) { this.pollingInterval = d; return this; }
        public Builder argon(int memoryKib, int iterations) { this.argonMemoryKib = memoryKib; this.argonIterations = iterations; return this; }
        public Builder trustedProxies(TrustedProxies proxies) { this.trustedProxies = proxies; return this; }
        public Builder proofValidity(Duration d) { this.proofValidity = d; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, store, scope, worker, workerThreads, publicUrl, dnsServer, httpProofPort, smtpHost,
                    smtpPort, mailFrom, limits, scanRate, vantageName, heartbeat, pollingInterval, argonMemoryKib, argonIterations,
                    trustedProxies, proofValidity);
        }
    }
}
