package dev.vantage.store.decoy;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads and writes the tripwire's tables. Thread-safe (every call takes its own handle). Times are
 * stored as {@code TIMESTAMP WITH TIME ZONE} in UTC, days as UTC dates, addresses as canonical text.
 */
public final class DecoyDao {
    private static final String SALT = "password_salt";

    private final Jdbi jdbi;

    public DecoyDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---- writing ----

    public void startRun(DecoyRun run) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO decoy_run (id, started_at, alive_at, stopped_at, ports, banners, connections, dropped)
                VALUES (:id, :started, :alive, :stopped, :ports, :banners, :connections, :dropped)""")
                .bind("id", run.id())
                .bind("started", utc(run.startedAt()))
                .bind("alive", utc(run.aliveAt()))
                .bind("stopped", run.stoppedAt() == null ? null : utc(run.stoppedAt()))
                .bind("ports", run.ports())
                .bind("banners", run.banners())
                .bind("connections", run.connections())
                .bind("dropped", run.dropped())
                .execute());
    }

    /** Moves a run's heartbeat and counters forward; {@code stoppedAt} set when it ends. */
    public void updateRun(UUID id, Instant aliveAt, @Nullable Instant stoppedAt, long connections, long dropped) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE decoy_run SET alive_at = :alive, stopped_at = :stopped, connections = :connections, dropped = :dropped
                WHERE id = :id""")
                .bind("id", id)
                .bind("alive", utc(aliveAt))
                .bind("stopped", stoppedAt == null ? null : utc(stoppedAt))
                .bind("connections", connections)
                .bind("dropped", dropped)
                .execute());
    }

    /** Stores events and their credentials in one transaction. */
    public void insert(List<DecoyEvent> events) {
        if (events.isEmpty()) return;
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO decoy_event (id, run_id, seen_at, seen_day, source_address, source_port, host_address, port,
                                             banner, outcome, attempts, bytes_received, first_bytes, first_line)
                    VALUES (:id, :run, :seen, :day, :source, :sourcePort, :host, :port,
                            :banner, :outcome, :attempts, :bytes, :firstBytes, :firstLine)""");
            PreparedBatch creds = null;
            for (DecoyEvent e : events) {
                OffsetDateTime seen = utc(e.seenAt());
                batch.bind("id", e.id()).bind("run", e.runId()).bind("seen", seen).bind("day", seen.toLocalDate())
                        .bind("source", e.sourceAddress()).bind("sourcePort", e.sourcePort())
                        .bind("host", e.hostAddress()).bind("port", e.port()).bind("banner", e.banner())
                        .bind("outcome", e.outcome().label()).bind("attempts", e.attempts())
                        .bind("bytes", e.bytesReceived()).bind("firstBytes", e.firstBytes()).bind("firstLine", e.firstLine())
                        .add();
                for (int i = 0; i < e.credentials().size(); i++) {
                    DecoyCredential c = e.credentials().get(i);
                    if (creds == null) creds = h.prepareBatch("""
                            INSERT INTO decoy_credential (event_id, attempt, user_name, password_sha256, password_length)
                            VALUES (:event, :attempt, :user, :hash, :length)""");
                    creds.bind("event", e.id()).bind("attempt", i + 1).bind("user", c.user())
                            .bind("hash", c.passwordSha256()).bind("length", c.passwordLength()).add();
                }
            }
            batch.execute();
            if (creds != null) creds.execute();
        });
    }

    /**
     * The installation's password salt (32 random bytes, hex), created on first use. Several
     * tripwires sharing one database agree on it.
     */
    public byte[] passwordSalt() {
        Optional<String> existing = setting(SALT);
        if (existing.isPresent()) return HexFormat.of().parseHex(existing.get());
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO decoy_setting (name, setting_value) VALUES (:n, :v)")
                    .bind("n", SALT).bind("v", HexFormat.of().formatHex(salt)).execute());
        } catch (UnableToExecuteStatementException e) {
            // Another process created it first: use theirs.
        }
        return HexFormat.of().parseHex(setting(SALT).orElseThrow());
    }

    private Optional<String> setting(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM decoy_setting WHERE name = :n")
                .bind("n", name).mapTo(String.class).findOne());
    }

    // ---- reading ----

    public DecoyCounts.Totals totals(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT COALESCE(SUM(attempts), 0), COUNT(*), COUNT(DISTINCT source_address), MIN(seen_at), MAX(seen_at)
                FROM decoy_event WHERE seen_at >= :since""")
                .bind("since", utc(since))
                .map((rs, ctx) -> new DecoyCounts.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), instantOrNull(rs, 4),
                        instantOrNull(rs, 5)))
                .one());
    }

    public List<DecoyCounts.PerPort> perPort(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT port, SUM(attempts) AS n, COUNT(DISTINCT source_address), MIN(seen_at), MAX(seen_at)
                FROM decoy_event WHERE seen_at >= :since GROUP BY port ORDER BY n DESC, port""")
                .bind("since", utc(since))
                .map((rs, ctx) -> new DecoyCounts.PerPort(rs.getInt(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), instant(rs, 5)))
                .list());
    }

    public List<DecoyCounts.PerDay> perDay(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT seen_day, SUM(attempts), COUNT(DISTINCT source_address)
                FROM decoy_event WHERE seen_at >= :since GROUP BY seen_day ORDER BY seen_day""")
                .bind("since", utc(since))
                .map((rs, ctx) -> new DecoyCounts.PerDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
                .list());
    }

    /** The busiest sources first. */
    public List<DecoyCounts.PerSource> topSources(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery(PER_SOURCE + " ORDER BY n DESC, source_address LIMIT :limit")
                .bind("since", utc(since)).bind("limit", limit)
                .map(DecoyDao::perSource)
                .list());
    }

    /**
     * Every (source, port) pair, streamed (their number is unbounded; the caller aggregates, e.g.
     * by masked source address).
     */
    public void forEachSourcePort(Instant since, Consumer<DecoyCounts.PerSourcePort> consumer) {
        jdbi.useHandle(h -> {
            try (var rows = h.createQuery("""
                    SELECT source_address, port, SUM(attempts), MIN(seen_at), MAX(seen_at)
                    FROM decoy_event WHERE seen_at >= :since GROUP BY source_address, port""")
                    .bind("since", utc(since)).setFetchSize(1000)
                    .map((rs, ctx) -> new DecoyCounts.PerSourcePort(rs.getString(1), rs.getInt(2), rs.getLong(3), instant(rs, 4),
                            instant(rs, 5)))
                    .stream()) {
                rows.forEach(consumer);
            }
        });
    }

    private static final String PER_SOURCE = """
            SELECT source_address, SUM(attempts) AS n, COUNT(DISTINCT port), MIN(seen_at), MAX(seen_at)
            FROM decoy_event WHERE seen_at >= :since GROUP BY source_address""";

    private static DecoyCounts.PerSource perSource(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new DecoyCounts.PerSource(rs.getString(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), instant(rs, 5));
    }

    /** The user names tried most often at the fake prompts. */
    public List<DecoyCounts.PerText> topUsers(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT c.user_name, COUNT(*) AS n FROM decoy_credential c JOIN decoy_event e ON e.id = c.event_id
                WHERE e.seen_at >= :since GROUP BY c.user_name ORDER BY n DESC, c.user_name LIMIT :limit""")
                .bind("since", utc(since)).bind("limit", limit)
                .map((rs, ctx) -> new DecoyCounts.PerText(rs.getString(1), rs.getLong(2)))
                .list());
    }

    /** The first lines clients sent most often (requests, identification strings, commands). */
    public List<DecoyCounts.PerText> topFirstLines(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT first_line, SUM(attempts) AS n FROM decoy_event WHERE seen_at >= :since AND first_line IS NOT NULL
                GROUP BY first_line ORDER BY n DESC, first_line LIMIT :limit""")
                .bind("since", utc(since)).bind("limit", limit)
                .map((rs, ctx) -> new DecoyCounts.PerText(rs.getString(1), rs.getLong(2)))
                .list());
    }

    /** Runs that were alive at or after {@code since}, oldest first. */
    public List<DecoyRun> runs(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, started_at, alive_at, stopped_at, ports, banners, connections, dropped
                FROM decoy_run WHERE alive_at >= :since ORDER BY started_at""")
                .bind("since", utc(since))
                .map((rs, ctx) -> new DecoyRun(rs.getObject(1, UUID.class), instant(rs, 2), instant(rs, 3), instantOrNull(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)))
                .list());
    }

    /** Every port any run watched. */
    public TreeSet<Integer> watchedPorts() {
        TreeSet<Integer> ports = new TreeSet<>();
        jdbi.useHandle(h -> h.createQuery("SELECT DISTINCT ports FROM decoy_run").mapTo(String.class)
                .forEach(list -> {
                    for (String p : list.split(",")) {
                        try {
                            if (!p.isBlank()) ports.add(Integer.parseInt(p.strip()));
                        } catch (NumberFormatException ignored) {
                            // written by this class, never malformed; skip rather than fail a report
                        }
                    }
                }));
        return ports;
    }

    /**
     * Attempts and distinct sources on {@code port} since a time, at any of {@code hostAddresses}
     * (canonical text); every host when the list is empty.
     */
    public DecoyCounts.Totals attemptsOn(List<String> hostAddresses, int port, Instant since) {
        return jdbi.withHandle(h -> {
            String hosts = hostAddresses.isEmpty() ? "" : " AND host_address IN (<hosts>)";
            var q = h.createQuery("""
                    SELECT COALESCE(SUM(attempts), 0), COUNT(*), COUNT(DISTINCT source_address), MIN(seen_at), MAX(seen_at)
                    FROM decoy_event WHERE port = :port AND seen_at >= :since""" + hosts)
                    .bind("port", port).bind("since", utc(since));
            if (!hostAddresses.isEmpty()) q.bindList("hosts", hostAddresses);
            return q.map((rs, ctx) -> new DecoyCounts.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), instantOrNull(rs, 4),
                    instantOrNull(rs, 5))).one();
        });
    }

    /**
     * Attempts and distinct sources on {@code port} in {@code [since, until)}, at any of
     * {@code hostAddresses} (canonical text, at least one).
     */
    public DecoyCounts.Totals attemptsOn(List<String> hostAddresses, int port, Instant since, Instant until) {
        if (hostAddresses.isEmpty()) throw new IllegalArgumentException("no host address");
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT COALESCE(SUM(attempts), 0), COUNT(*), COUNT(DISTINCT source_address), MIN(seen_at), MAX(seen_at)
                FROM decoy_event WHERE port = :port AND seen_at >= :since AND seen_at < :until AND host_address IN (<hosts>)""")
                .bind("port", port).bind("since", utc(since)).bind("until", utc(until)).bindList("hosts", hostAddresses)
                .map((rs, ctx) -> new DecoyCounts.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), instantOrNull(rs, 4),
                        instantOrNull(rs, 5)))
                .one());
    }

    /** When the first run that watched {@code port} started; empty when none did. */
    public Optional<Instant> firstWatched(int port) {
        // Runs are few (one per start of the tripwire), so the port lists are matched here, not in SQL.
        List<Map.Entry<Instant, String>> runs = jdbi.withHandle(h -> h.createQuery("SELECT started_at, ports FROM decoy_run ORDER BY started_at")
                .map((rs, ctx) -> Map.entry(instant(rs, 1), rs.getString(2))).list());
        return runs.stream().filter(r -> watches(r.getValue(), port)).map(Map.Entry::getKey).findFirst();
    }

    private static boolean watches(String ports, int port) {
        for (String p : ports.split(",")) if (p.strip().equals(String.valueOf(port))) return true;
        return false;
    }

    /** Notes that the owner's check of a host (its addresses, canonical text) finished at {@code finishedAt}. */
    public void recordCheck(List<String> hostAddresses, Instant finishedAt) {
        if (hostAddresses.isEmpty()) return;
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO decoy_check (host_address, checked_at) VALUES (:host, :at)");
            for (String host : hostAddresses) batch.bind("host", host).bind("at", utc(finishedAt)).add();
            batch.execute();
        });
    }

    /** The newest check of any of these addresses that finished before {@code before}. */
    public Optional<Instant> lastCheckBefore(List<String> hostAddresses, Instant before) {
        if (hostAddresses.isEmpty()) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT MAX(checked_at) FROM decoy_check WHERE host_address IN (<hosts>) AND checked_at < :before""")
                .bindList("hosts", hostAddresses).bind("before", utc(before))
                .map((rs, ctx) -> Optional.ofNullable(instantOrNull(rs, 1))).one());
    }

    /** Events not dropped but lost: the sum of the runs' dropped counters since a time. */
    public long dropped(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(dropped), 0) FROM decoy_run WHERE alive_at >= :since")
                .bind("since", utc(since)).mapTo(Long.class).one());
    }

    /** The newest events first, with their credentials (for listings and tests). */
    public List<DecoyEvent> recentEvents(Instant since, int limit) {
        return jdbi.withHandle(h -> {
            List<DecoyEvent> events = h.createQuery("""
                    SELECT id, run_id, seen_at, source_address, source_port, host_address, port, banner, outcome, attempts,
                           bytes_received, first_bytes, first_line
                    FROM decoy_event WHERE seen_at >= :since ORDER BY seen_at DESC, id LIMIT :limit""")
                    .bind("since", utc(since)).bind("limit", limit)
                    .map((rs, ctx) -> new DecoyEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, 3),
                            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                            DecoyOutcome.parse(rs.getString(9)), rs.getInt(10), rs.getInt(11), bytes(rs, 12), rs.getString(13), List.of()))
                    .list();
            List<DecoyEvent> out = new ArrayList<>(events.size());
            for (DecoyEvent e : events) out.add(withCredentials(h, e));
            return out;
        });
    }

    private static DecoyEvent withCredentials(Handle h, DecoyEvent e) {
        List<DecoyCredential> creds = h.createQuery("""
                SELECT user_name, password_sha256, password_length FROM decoy_credential WHERE event_id = :id ORDER BY attempt""")
                .bind("id", e.id())
                .map((rs, ctx) -> new DecoyCredential(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        if (creds.isEmpty()) return e;
        return new DecoyEvent(e.id(), e.runId(), e.seenAt(), e.sourceAddress(), e.sourcePort(), e.hostAddress(), e.port(),
                e.banner(), e.outcome(), e.attempts(), e.bytesReceived(), e.firstBytes(), e.firstLine(), creds);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static byte[] bytes(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        return b == null ? new byte[0] : b;
    }
}
