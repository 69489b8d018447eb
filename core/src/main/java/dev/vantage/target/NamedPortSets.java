package dev.vantage.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named port sets and the short service labels of well-known ports, read from
 * {@code well-known-ports.txt} (a resource, so the list is data and documented in one place).
 */
public final class NamedPortSets {
    private static final String RESOURCE = "well-known-ports.txt";

    private record Table(PortList wellKnown, Map<Integer, String> names) {}

    private static final class Holder {
        static final Table TABLE = load();
    }

    private NamedPortSets() {}

    public static Optional<PortList> find(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "well-known", "wellknown", "level1" -> Optional.of(wellKnown());
            case "all" -> Optional.of(PortList.all());
            default -> Optional.empty();
        };
    }

    public static String names() {
        return "well-known, all";
    }

    /** The level-1 set: 1-1024 plus common high service ports. */
    public static PortList wellKnown() {
        return Holder.TABLE.wellKnown();
    }

    /** A short conventional label for a TCP port ("ssh", "http"), or empty if none is known. */
    public static Optional<String> label(int port) {
        return Optional.ofNullable(Holder.TABLE.names().get(port));
    }

    private static Table load() {
        List<Integer> ports = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        try (InputStream in = NamedPortSets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean labelsOnly = false;
            for (String line; (line = reader.readLine()) != null; ) {
                String text = line.strip();
                if (text.startsWith("# Names for")) labelsOnly = true;
                if (text.isEmpty() || text.startsWith("#")) continue;
                String[] parts = text.split("\\s+");
                String portText = parts[0];
                int dash = portText.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? portText : portText.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(portText.substring(dash + 1));
                if (!labelsOnly) for (int p = from; p <= to; p++) ports.add(p);
                if (parts.length > 1 && !parts[1].equals("-")) names.put(from, parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(PortList.of(ports.stream().mapToInt(Integer::intValue).toArray()), Map.copyOf(names));
    }
}
