package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's launcher, {@code ./vantage}, as root and as an unprivileged user on the same tree:
 * root gets the SYN method, an ordinary user gets full connects without being asked, and an
 * ordinary user who insists on SYN is told why not (exit 2) before anything is sent. A user who
 * cannot write the tree (built by root) must still be able to run it: the launcher then goes
 * without the start-up cache instead of failing.
 */
class LauncherIT {
    private static final String NOBODY = "65534";

    private record Run(int exitCode, String out, String err) {}

    private static Path repo() {
        return Path.of(Netns.jar()).toAbsolutePath().getParent().getParent().getParent();   // app/target/vantage.jar
    }

    private static Run launch(boolean asNobody, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asNobody) cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        cmd.addAll(List.of("env", "VANTAGE_NO_BUILD=1", "HOME=/tmp", repo().resolve("vantage").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("vantage-launcher", ".out");
        Path err = Files.createTempFile("vantage-launcher", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the launcher did not finish: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Whether the unprivileged user can read the jar and run the launcher (a checkout under a private home cannot). */
    private static boolean readableByNobody(Path jar) throws Exception {
        Process p = new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                "test", "-r", jar.toString(), "-a", "-x", repo().resolve("vantage").toString()).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void rootGetsSynAnOrdinaryUserGetsConnectsAndIsToldWhyNotSyn() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (and setpriv) to run as both");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(listener.getLocalPort());
            String[] check = {"check", "--scan-only", "--format", "json", "-p", port, "127.0.0.1"};

            Run asRoot = launch(false, check);
            assertEquals(0, asRoot.exitCode(), asRoot.err());
            JsonNode r = new ObjectMapper().readTree(asRoot.out());
            assertEquals("syn", r.get("scan_method").asText());
            assertEquals("open", r.get("hosts").get(0).get("ports").get(0).get("state").asText(), asRoot.out());

            // The bug this guards: a jar newer than the start-up cache made the launcher try to
            // remake the cache in a directory the user cannot write, and fail.
            Path jar = Path.of(Netns.jar());
            Path aot = jar.resolveSibling("vantage.aot");
            if (Files.exists(aot)) {
                Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(aot).toMillis() + 2000));
            }
            assumeTrue(readableByNobody(jar), "the checkout is not readable by an ordinary user");
            Run asUser = launch(true, check);
            assertEquals(0, asUser.exitCode(), asUser.err());
            JsonNode u = new ObjectMapper().readTree(asUser.out());
            assertEquals("connect", u.get("scan_method").asText());
            assertEquals("open", u.get("hosts").get(0).get("ports").get(0).get("state").asText(), asUser.out());

            Run insists = launch(true, "check", "--scan-method", "syn", "-p", port, "127.0.0.1");
            assertEquals(2, insists.exitCode(), insists.err());
            assertTrue(insists.err().contains("raw sockets need root or CAP_NET_RAW"), insists.err());
            assertTrue(insists.out().isEmpty(), "nothing scanned, nothing printed: " + insists.out());
        }
    }
}
