package dev.vantage.assess;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON the build writes beside the knowledge base's YAML says exactly what the YAML says. */
class KnowledgeBaseCompilerTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MIXED = "{\"n\": 22, \"big\": 99999999999, \"x\": 1.5, \"b\": false, \"z\": null, \"l\": [\"a\", {}]}";

    @Test
    void everyShippedJsonFileEqualsItsYaml() throws IOException {
        for (String name : new String[] {"services", "findings", "checklist", "messages"}) {
            JsonNode yaml = resource(name + ".yaml", YAML);
            JsonNode json = resource(name + ".json", JSON);
            assertTrue(yaml.size() > 0, name);
            assertEquals(yaml, json, name + ".json differs from " + name + ".yaml");
        }
    }

    /** The tree the knowledge base builds from a parser is the object mapper's, from JSON and from YAML alike. */
    @Test
    void streamingTreeEqualsTheMappersTree() throws IOException {
        for (String name : new String[] {"services", "findings", "checklist", "messages"}) {
            for (JsonFactory format : new JsonFactory[] {new JsonFactory(), new YAMLFactory()}) {
                String file = name + (format instanceof YAMLFactory ? ".yaml" : ".json");
                try (InputStream in = KnowledgeBase.class.getResourceAsStream("kb/" + file);
                     JsonParser p = format.createParser(in)) {
                    p.nextToken();
                    assertEquals(resource(file, format instanceof YAMLFactory ? YAML : JSON), KnowledgeBase.tree(p), file);
                }
            }
        }
        try (JsonParser p = new JsonFactory().createParser(MIXED)) {   // numbers, booleans, null, nesting
            p.nextToken();
            assertEquals(JSON.readTree(MIXED), KnowledgeBase.tree(p));
        }
    }

    @Test
    void compilesEveryYamlFileInADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "a:\n  port: 22\n  open: true\n  text: |\n    two\n    lines\n  list: [x, 'y']\n");
        Files.writeString(dir.resolve("notes.txt"), "not knowledge");
        KnowledgeBaseCompiler.main(new String[] {dir.toString()});
        JsonNode a = JSON.readTree(dir.resolve("a.json").toFile());
        assertEquals(22, a.path("a").path("port").intValue());
        assertTrue(a.path("a").path("open").booleanValue());
        assertEquals("two\nlines\n", a.path("a").path("text").textValue());
        assertEquals("y", a.path("a").path("list").get(1).textValue());
        assertTrue(Files.notExists(dir.resolve("notes.json")));
    }

    @Test
    void refusesADirectoryWithoutYaml(@TempDir Path dir) {
        assertThrows(IOException.class, () -> KnowledgeBaseCompiler.main(new String[] {dir.toString()}));
    }

    private static JsonNode resource(String file, ObjectMapper mapper) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("kb/" + file)) {
            assertNotNull(in, file + " is not on the classpath (did the build's knowledge-base-json step run?)");
            return mapper.readTree(in);
        }
    }
}
