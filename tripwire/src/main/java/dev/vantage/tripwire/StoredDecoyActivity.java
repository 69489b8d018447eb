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
 * host since a time. A port no tripwire run ever watched is unknown (empty), not "0 attempts".
 * Events are matched on the address the client connected to, or on the address given with
 * {@code --host-address} when the tripwire sits behind NAT.
 */
public final class StoredDecoyActivity implements DecoyActivity {
    private final DecoyDao dao;

    public StoredDecoyActivity(DecoyDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Attempts> attempts(List<InetAddress> hostAddresses, int port, Instant since) {
        try {
            if (!dao.watchedPorts().contains(port)) return Optional.empty();
            List<String> hosts = hostAddresses.stream().map(Addresses::canonical).distinct().toList();
            DecoyCounts.Totals t = dao.attemptsOn(hosts, port, since);
            return Optional.of(new Attempts((int) Math.min(Integer.MAX_VALUE, t.attempts()), (int) Math.min(Integer.MAX_VALUE, t.sources()),
                    since));
        } catch (RuntimeException e) {
            // The report must not fail because the tripwire's database does: say nothing rather than something wrong.
            return Optional.empty();
        }
    }
}
