package dev.vantage.cli;

import org.jspecify.annotations.Nullable;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM and SIGINT as a request to stop, not as the JVM's shutdown: shutdown hooks run in no
 * particular order, and H2's would close the database while the tripwire still writes its last
 * events. With these handlers the command stops in order (stop accepting, write the queue, mark the
 * run, close the store) and exits with 0. A second signal ends the process at once. Closing puts
 * the previous handlers back (the command may run inside a test's JVM).
 *
 * <p>Through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK), called reflectively so
 * the build stays free of proprietary-API warnings; where it is unavailable or the signal is
 * reserved ({@code java -Xrs}), the JVM's default handling and the command's shutdown hook remain.
 */
final class StopSignals implements AutoCloseable {
    private record Installed(Object signal, Object previous) {}

    private final List<Installed> installed = new ArrayList<>();
    private final @Nullable Method handle;

    private StopSignals(@Nullable Method handle) {
        this.handle = handle;
    }

    static StopSignals install(CountDownLatch stopRequested) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Method number = signalClass.getMethod("getNumber");
            StopSignals s = new StopSignals(handle);
            AtomicInteger received = new AtomicInteger();
            Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                if (!method.getName().equals("handle")) return method.invoke(s, args);   // toString, hashCode, equals
                if (received.incrementAndGet() > 1) Runtime.getRuntime().halt(128 + (int) number.invoke(args[0]));
                stopRequested.countDown();
                return null;
            });
            for (String name : new String[] {"TERM", "INT"}) {
                try {
                    Object signal = signalClass.getConstructor(String.class).newInstance(name);
                    s.installed.add(new Installed(signal, handle.invoke(null, signal, handler)));
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    // reserved by the JVM (-Xrs) or unknown here: keep the default for this one
                }
            }
            return s;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new StopSignals(null);
        }
    }

    @Override
    public void close() {
        if (handle == null) return;
        for (Installed i : installed) {
            try {
                handle.invoke(null, i.signal(), i.previous());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
