package dev.vantage.check.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.ElasticProbe;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does Elasticsearch serve a stranger? {@code GET /_cat/indices} answered 200 means every index
 * can be read (and, with no security at all, written and deleted); a cluster that answers only
 * {@code GET /} without 401 is reported too. Read-only requests.
 */
public final class ElasticNoAuthCheck implements Check {
    public static final String FINDING = "elasticsearch-no-auth";
    private static final String ID = "elasticsearch-auth";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("elasticsearch"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        Optional<ElasticProbe.HttpReply> indices;
        try (Connection c = ctx.connect()) {
            indices = ElasticProbe.get(c, "/_cat/indices?format=json&h=index");
        }
        Optional<ElasticProbe.HttpReply> root = Optional.empty();
        if (indices.isEmpty() || indices.get().status() != 200) {
            try (Connection c = ctx.connect()) {
                root = ElasticProbe.get(c, "/");
            }
        }
        return judge(indices.orElse(null), root.orElse(null));
    }

    /** The verdict on the answers to {@code /_cat/indices} and (if asked) {@code /}; public for the tests. */
    public static List<Finding> judge(ElasticProbe.@Nullable HttpReply indices, ElasticProbe.@Nullable HttpReply root) {
        if (indices != null && indices.status() == 200) {
            List<String> names = new ArrayList<>();
            int count = 0;
            try {
                JsonNode list = JSON.readTree(indices.body().strip());
                if (list.isArray()) {
                    count = list.size();
                    for (JsonNode n : list) if (names.size() < 5 && n.path("index").isTextual()) names.add(n.path("index").asText());
                }
            } catch (IOException | RuntimeException e) {
                // the 200 is the finding; the list is only detail
            }
            return List.of(new Finding(FINDING, ID, "GET /_cat/indices answered 200 without authentication: " + count + " indices"
                    + (names.isEmpty() ? "" : " (" + String.join(", ", names) + (count > 5 ? ", …" : "") + ")")));
        }
        if (root != null && root.status() == 200 && ElasticProbe.recognise(root).isPresent()) {
            return List.of(new Finding(FINDING, ID, "GET / answered 200 without authentication (cluster information readable)"));
        }
        return List.of();
    }
}
