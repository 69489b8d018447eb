package dev.vantage.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener process for namespace tests: {@code hold PORTS} accepts and keeps connections open,
 * {@code close PORTS} accepts and closes at once (the inetd/tcpwrappers refusal). Exits by
 * itself after the given number of seconds.
 * Usage: {@code TestListener SECONDS hold 80,81 close 23}
 */
public final class TestListener {
    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        List<Socket> held = new ArrayList<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            boolean close = args[i].equals("close");
            for (String port : args[i + 1].split(",")) {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(Integer.parseInt(port)), 128);
                Thread.ofPlatform().daemon().start(() -> {
                    while (true) {
                        try {
                            Socket c = s.accept();
                            if (close) c.close();
                            else synchronized (held) { held.add(c); }
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
            }
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(seconds * 1000);
        System.exit(0);
    }
}
