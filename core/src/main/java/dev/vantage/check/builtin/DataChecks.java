package dev.vantage.check.builtin;

import dev.vantage.check.Check;

import java.util.List;

/**
 * The built-in checks of the data group: databases, caches, remote desktops, file sharing, and
 * the UDP services SNMP, NTP and memcached (these run on services the UDP scan identified; their
 * details carry {@code transport=udp}).
 */
public final class DataChecks {
    private DataChecks() {}

    public static List<Check> all() {
        return List.of(
                new RedisNoAuthCheck(),
                new MongoNoAuthCheck(),
                new ElasticNoAuthCheck(),
                new MemcachedNoAuthCheck(),
                new MysqlExposedCheck(),
                new PostgresExposedCheck(),
                new VncNoAuthCheck(),
                new RdpExposedCheck(),
                new SmbExposedCheck(),
                new NetbiosExposedCheck(),
                new AfpExposedCheck(),
                new SnmpCommunityCheck(),
                new NtpMode6Check(),
                new NtpMonlistCheck());
    }
}
