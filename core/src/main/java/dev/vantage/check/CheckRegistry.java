package dev.vantage.check;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Every check Vantage knows: the built-ins, then any found through {@link ServiceLoader}. */
public final class CheckRegistry {
    private CheckRegistry() {}

    public static List<Check> builtins() {
        return List.of();
    }

    public static List<Check> all() {
        List<Check> all = new ArrayList<>(builtins());
        ServiceLoader.load(Check.class).forEach(all::add);
        return List.copyOf(all);
    }
}
