package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.assess.DecoyActivity;
import dev.vantage.assess.Policy;
import dev.vantage.store.Store;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.tripwire.StoredDecoyActivity;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/**
 * The tripwire's record as the owner's check and report see it. Opened only when the policy marks
 * a port as a decoy, so a check without decoys never touches a database. The default data
 * directory may hold no record at all (no tripwire ever ran here): then the report says nothing
 * about decoys. A database the owner names explicitly must open, or the command stops with exit 2.
 */
final class DecoyRecord implements AutoCloseable {
    private final @Nullable Store store;
    private final DecoyActivity activity;
    private final List<Policy.Host> decoyHosts;

    private DecoyRecord(@Nullable Store store, DecoyActivity activity, List<Policy.Host> decoyHosts) {
        this.store = store;
        this.activity = activity;
        this.decoyHosts = decoyHosts;
    }

    static DecoyRecord open(Policy policy, TripwireCommand.StoreOptions options) {
        List<Policy.Host> hosts = policy.hosts().stream()
                .filter(h -> h.intended().stream().anyMatch(Policy.Intended::decoy)).toList();
        if (hosts.isEmpty()) return new DecoyRecord(null, DecoyActivity.NONE, List.of());
        boolean named = options.db != null || options.dataDir != null;
        TripwireCommand.quietLibraries();
        try {
            Store store = options.open(true);
            return new DecoyRecord(store, new StoredDecoyActivity(new DecoyDao(store.jdbi())), hosts);
        } catch (BadInputException e) {
            if (named) throw e;
            return new DecoyRecord(null, DecoyActivity.NONE, List.of());    // no tripwire record in the default place
        }
    }

    DecoyActivity activity() {
        return activity;
    }

    /**
     * Notes that the check of the policy's decoy hosts among {@code checked} finished now, so the
     * next check's window starts here. Hosts not checked this time keep their earlier mark.
     */
    void checkFinished(List<InetAddress> checked, Instant finishedAt) {
        for (Policy.Host h : decoyHosts) {
            if (h.addresses().stream().anyMatch(checked::contains)) activity.checked(h.addresses(), finishedAt);
        }
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}
