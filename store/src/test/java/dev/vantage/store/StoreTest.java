package dev.vantage.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreTest {
    @TempDir
    Path dir;

    @Test
    void opensAnH2FileInThePrivateDataDirectoryAndAppliesTheMigrations() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(StoreConfig.inDataDir(data))) {
            assertEquals(Vendor.H2, store.vendor());
            List<String> versions = store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\"").mapTo(String.class).list());
            assertTrue(versions.containsAll(List.of("100.1", "100.2")), versions.toString());
            int tables = store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'decoy_%'").mapTo(Integer.class).one());
            assertEquals(5, tables, "decoy_run, decoy_event, decoy_credential, decoy_setting and decoy_check");
        }
        assertTrue(Files.exists(data.resolve("vantage.mv.db")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void reopeningIsIdempotentAndASecondOpenerSharesTheFile() {
        StoreConfig config = StoreConfig.inDataDir(dir);
        try (Store first = Store.open(config); Store second = Store.open(config.withMustExist(true))) {
            first.jdbi().useHandle(h -> h.execute("INSERT INTO decoy_setting (name, setting_value) VALUES ('probe', 'x')"));
            String seen = second.jdbi().withHandle(h -> h.createQuery("SELECT setting_value FROM decoy_setting WHERE name = 'probe'")
                    .mapTo(String.class).one());
            assertEquals("x", seen);
        }
    }

    @Test
    void aReaderDoesNotCreateAnEmptyDatabaseWhereThereIsNone() {
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreConfig.inDataDir(dir.resolve("typo")).withMustExist(true)));
        assertTrue(e.getMessage().startsWith("There is no database at "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("typo")));
    }

    @Test
    void unsupportedUrlsAreRefusedInOneSentence() {
        StoreException e = assertThrows(StoreException.class, () -> StoreConfig.of("jdbc:mysql://db/vantage?password=hunter2"));
        assertEquals("Unsupported database URL 'jdbc:mysql://db/vantage?password=***'; give jdbc:h2:file:/path/to/vantage"
                + " or jdbc:postgresql://host/database.", e.getMessage());
    }

    @Test
    void anUnreachablePostgresqlServerIsReportedWithoutThePassword() {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        StoreConfig config = StoreConfig.of("jdbc:postgresql://127.0.0.1:1/vantage?password=hunter2&connectTimeout=2");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(config));
        assertTrue(e.getMessage().startsWith("Cannot open the database jdbc:postgresql://127.0.0.1:1/vantage?password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
        assertEquals(Vendor.POSTGRESQL, config.vendor());
    }

    @Test
    void theDataDirectoryComesFromTheEnvironmentThenXdgThenHome() {
        assertEquals(Path.of("/srv/v"), StoreConfig.defaultDataDir(Map.of("VANTAGE_DATA_DIR", "/srv/v", "XDG_DATA_HOME", "/x")));
        assertEquals(Path.of("/x/vantage"), StoreConfig.defaultDataDir(Map.of("XDG_DATA_HOME", "/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local", "share", "vantage"), StoreConfig.defaultDataDir(Map.of()));
    }

    @Test
    void theH2FileIsFoundInTheUsualUrlForms() {
        assertEquals(Path.of("/var/lib/vantage/vantage.mv.db"), StoreConfig.of("jdbc:h2:file:/var/lib/vantage/vantage;AUTO_SERVER=TRUE").h2File().orElseThrow());
        assertEquals(Path.of("/tmp/db.mv.db"), StoreConfig.of("jdbc:h2:/tmp/db").h2File().orElseThrow());
        assertTrue(StoreConfig.of("jdbc:h2:mem:test").h2File().isEmpty());
        assertTrue(StoreConfig.of("jdbc:postgresql://localhost/vantage").h2File().isEmpty());
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShowInToString() {
        StoreConfig c = StoreConfig.of("jdbc:postgresql://localhost/vantage")
                .withCredentialsFrom(Map.of("VANTAGE_DB_USER", "vantage", "VANTAGE_DB_PASSWORD", "s3cret"));
        assertEquals("vantage", c.user());
        assertEquals("s3cret", c.password());
        assertFalse(c.toString().contains("s3cret"));
    }
}
