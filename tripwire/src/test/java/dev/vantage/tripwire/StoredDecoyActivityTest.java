package dev.vantage.tripwire;

import dev.vantage.assess.DecoyActivity;
import dev.vantage.store.Store;
import dev.vantage.store.StoreConfig;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.store.decoy.DecoyEvent;
import dev.vantage.store.decoy.DecoyOutcome;
import dev.vantage.store.decoy.DecoyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoredDecoyActivityTest {
    @TempDir
    Path dir;

    @Test
    void attemptsOnAHostsDecoyPortBetweenThePreviousCheckAndThisOne() throws Exception {
        Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
        Instant thisCheck = t0.plusSeconds(100);
        try (Store store = Store.open(StoreConfig.inDataDir(dir))) {
            DecoyDao dao = new DecoyDao(store.jdbi());
            UUID run = UUID.randomUUID();
            dao.startRun(new DecoyRun(run, t0, t0, null, "23,2323", "23=telnet,2323=telnet", 0, 0));
            dao.insert(List.of(
                    event(run, "198.51.100.1", "192.0.2.10", 23, t0.plusSeconds(10), 1),
                    event(run, "198.51.100.2", "192.0.2.10", 23, t0.plusSeconds(20), 40),
                    event(run, "198.51.100.3", "192.0.2.99", 23, t0.plusSeconds(30), 1),      // another host
                    event(run, "198.51.100.4", "2001:db8::10", 23, t0.plusSeconds(40), 1),
                    event(run, "198.51.100.5", "192.0.2.10", 23, t0.plusSeconds(200), 1)));  // after this check began
            DecoyActivity activity = new StoredDecoyActivity(dao);
            List<InetAddress> host = List.of(InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8:0:0::10"));

            assertEquals(Optional.of(new DecoyActivity.Attempts(23, 42, 3, t0, false)), activity.attempts(host, 23, thisCheck),
                    "no earlier check: since the tripwire began watching");
            assertEquals(Optional.of(new DecoyActivity.Attempts(2323, 0, 0, t0, false)), activity.attempts(host, 2323, thisCheck),
                    "watched, nothing came");
            assertEquals(Optional.empty(), activity.attempts(host, 21, thisCheck), "never watched: unknown");

            activity.checked(List.of(InetAddress.getByName("2001:db8::10")), t0.plusSeconds(25));
            assertEquals(Optional.of(new DecoyActivity.Attempts(23, 1, 1, t0.plusSeconds(25), true)), activity.attempts(host, 23, thisCheck),
                    "since the previous check of any of the host's addresses");
            activity.checked(host, t0.plusSeconds(500));
            assertEquals(Optional.of(new DecoyActivity.Attempts(23, 1, 1, t0.plusSeconds(25), true)), activity.attempts(host, 23, thisCheck),
                    "a later check does not move an earlier report's window");
        }
        DecoyActivity broken = new StoredDecoyActivity(new DecoyDao(org.jdbi.v3.core.Jdbi.create("jdbc:h2:mem:none")));
        assertEquals(Optional.empty(), broken.attempts(List.of(InetAddress.getLoopbackAddress()), 23, t0), "a failing store says nothing");
        broken.checked(List.of(InetAddress.getLoopbackAddress()), t0);
    }

    private static DecoyEvent event(UUID run, String source, String host, int port, Instant when, int attempts) {
        return new DecoyEvent(UUID.randomUUID(), run, when, source, 40000, host, port, "telnet",
                attempts > 1 ? DecoyOutcome.RATE_LIMITED : DecoyOutcome.RECORDED, attempts, 0, new byte[0], null, List.of());
    }
}
