package dev.vantage.scan;

import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every loopback test again, with lanes on Linux's own socket calls (Java 22+; the build passes
 * {@code --enable-native-access=ALL-UNNAMED} to the test JVM, so there they must link).
 */
class NativeLoopbackScanTest extends LoopbackScanTest {

    @BeforeAll
    static void onlyWhereTheForeignFunctionApiIsFinal() {
        assumeTrue(Runtime.version().feature() >= 22 && System.getProperty("os.name").equals("Linux"),
                "the native lanes need Linux and Java 22 or newer");
    }

    @Override
    String engine() {
        return "native";
    }
}
