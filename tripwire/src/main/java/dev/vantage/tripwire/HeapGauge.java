package dev.vantage.tripwire;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/** The process's heap: in use now (garbage included), the maximum, and what survived the last collection. */
final class HeapGauge {
    record Reading(long usedBytes, long maxBytes, long liveAfterGcBytes) {}

    private HeapGauge() {}

    static Reading read() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) live += afterGc.getUsed();
        }
        return new Reading(heap.getUsed(), heap.getMax(), live);
    }
}
