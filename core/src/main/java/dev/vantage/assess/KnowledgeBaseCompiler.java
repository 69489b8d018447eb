package dev.vantage.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step (core's pom runs it after compiling): writes each knowledge-base YAML file in the
 * build's output as JSON beside it. The YAML stays the source people edit; {@link KnowledgeBase}
 * reads the JSON, which a JSON parser reads several times faster than a YAML parser reads YAML, at
 * the start of every check.
 */
public final class KnowledgeBaseCompiler {
    private KnowledgeBaseCompiler() {}

    /** @param args the directory holding the {@code *.yaml} files (written in place) */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: KnowledgeBaseCompiler KB_DIRECTORY");
        Path dir = Path.of(args[0]);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException("no knowledge-base YAML files in " + dir);
        for (Path file : files) {
            JsonNode tree = yaml.readTree(file.toFile());
            String name = file.getFileName().toString();
            json.writeValue(dir.resolve(name.substring(0, name.length() - ".yaml".length()) + ".json").toFile(), tree);
        }
    }
}
