package dev.vantage.tripwire;

import dev.vantage.assess.DecoyActivity;
import dev.vantage.store.decoy.DecoyCounts;
import dev.vantage.store.decoy.DecoyDao;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The owner's report reads the tripwire's record through this: attempts on a decoy port of a
 * host between the previous check of that host and the start of this one. A port no tripwire run
 * ever watched is unknown (empty), not "0 attempts". Events are matched on the address the client
 * connected to, or on the address given with {@code --host-address} when the tripwire sits behind NAT.
 */
public final class StoredDecoyActivity implements DecoyActivity {
    private final DecoyDao dao;

    public StoredDecoyActivity(DecoyDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Attempts> attempts(List<InetAddress> hostAddresses, int port, Instant checkStarted) {
        if (hostAddresses.isEmpty()) return Optional.empty();
        try {
            if (!dao.watchedPorts().contains(port)) return Optional.empty();
            List<String> hosts = hosts(hostAddresses);
            Optional<Instant> lastCheck = dao.lastCheckBefore(hosts, checkStarted);
            Instant since = lastCheck.or(() -> dao.firstWatched(port)).orElse(Instant.EPOCH);
            if (!since.isBefore(checkStarted)) since = checkStarted;
            DecoyCounts.Totals t = dao.attemptsOn(hosts, port, since, checkStarted);
            return Optional.of(new Attempts(port, saturated(t.attempts()), saturated(t.sources()), since, lastCheck.isPresent()));
        } catch (RuntimeException e) {
            // The report must not fail because the tripwire's database does: say nothing rather than something wrong.
            return Optional.empty();
        }
    }

    @Override
    public void checked(List<InetAddress> hostAddresses, Instant checkFinished) {
        try {
            dao.recordCheck(hosts(hostAddresses), checkFinished);
        } catch (RuntimeException e) {
            // Losing the mark only widens the next window; the check's own result is already written.
        }
    }

    private static List<String> hosts(List<InetAddress> addresses) {
        return addresses.stream().map(Addresses::canonical).distinct().toList();
    }

    private static int saturated(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
