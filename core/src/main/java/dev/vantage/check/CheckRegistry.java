package dev.vantage.check;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import dev.vantage.check.builtin.DataChecks;
import dev.vantage.check.builtin.InfraChecks;
import dev.vantage.check.builtin.MailChecks;

/** Every check Vantage knows: the built-ins, then any found through {@link ServiceLoader}. */
public final class CheckRegistry {
    private CheckRegistry() {}

    public static List<Check> builtins() {
        List<Check> list = new ArrayList<>();
        list.addAll(MailChecks.all());
        list.addAll(InfraChecks.all());
        list.addAll(DataChecks.all());
        return List.copyOf(list);
    }

    public static List<Check> all() {
        List<Check> all = new ArrayList<>(builtins());
        ServiceLoader.load(Check.class).forEach(all::add);
        return List.copyOf(all);
    }
}
