package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Does Redis run commands for a stranger? A {@code PING} answered {@code +PONG} (not
 * {@code -NOAUTH}, not protected mode's {@code -DENIED}) means anyone can read, change and
 * delete the data and reconfigure the server. Nothing is read or written beyond PING.
 */
public final class RedisNoAuthCheck implements Check {
    public static final String FINDING = "redis-no-auth";

    @Override
    public CheckInfo info() {
        return new CheckInfo("redis-auth", Set.of("redis"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        byte[] reply;
        try (Connection c = ctx.connect()) {
            c.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            reply = c.readAvailable(256, Duration.ofSeconds(3));
        }
        return judge(reply, ctx.service().version());
    }

    /** The verdict on a reply to PING; public for the tests. */
    public static List<Finding> judge(byte[] pingReply, @Nullable String version) {
        String line = new String(pingReply, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        if (!line.equals("+PONG")) return List.of();
        String evidence = "PING answered +PONG without authentication" + (version == null ? "" : " (Redis " + version + ")");
        return List.of(new Finding(FINDING, "redis-auth", evidence));
    }
}
