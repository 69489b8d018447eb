package dev.vantage.probe.builtin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Conversations of fake data services that answer like the real ones and hang up on anything else. */
public final class DataFakes {
    private DataFakes() {}

    public static DataFakeServer.Conversation redis(boolean password) {
        return p -> {
            while (true) {
                String cmd = p.readUntil("\r\n");
                if (cmd.isEmpty()) return;
                if (!cmd.startsWith("*")) return;                 // inline garbage: a real server errors, we just hang up
                int args = Integer.parseInt(cmd.strip().substring(1));
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < args * 2; i++) all.append(p.readUntil("\r\n"));
                if (password) p.write("-NOAUTH Authentication required.\r\n");
                else if (all.toString().contains("INFO")) p.write(DataFakeServer.corpus("redis/info-server-7.0.15.bin"));
                else if (all.toString().contains("PING")) p.write("+PONG\r\n");
                else p.write("-ERR unknown command\r\n");
            }
        };
    }

    public static DataFakeServer.Conversation memcached() {
        return p -> {
            while (true) {
                String line = p.readUntil("\r\n");
                if (line.equals("version\r\n")) p.write("VERSION 1.6.18\r\n");
                else if (line.equals("stats\r\n")) p.write("STAT pid 1\r\nSTAT version 1.6.18\r\nSTAT curr_items 3\r\nEND\r\n");
                else return;
            }
        };
    }

    public static DataFakeServer.Conversation postgres(boolean ssl) {
        return p -> {
            byte[] first = p.read(8);
            if (!Arrays.equals(first, PostgresWire.sslRequest())) return;
            p.write(new byte[] {'N'});
            byte[] head = p.read(4);
            if (head.length < 4) return;
            int len = ByteBuffer.wrap(head).getInt();
            if (len < 8 || len > 10000) return;
            byte[] rest = p.read(len - 4);
            if (rest.length == 4 && rest[0] == 0x27 && rest[1] == 0x0f) {
                p.write(DataFakeServer.corpus("postgresql/unsupported-protocol-15.bin"));
            } else if (rest.length > 4 && rest[1] == 3) {
                p.write(DataFakeServer.corpus("postgresql/auth-sasl.bin"));
            }
        };
    }

    public static DataFakeServer.Conversation mongo(boolean auth) {
        return p -> {
            while (true) {
                byte[] head = p.read(16);
                if (head.length < 16) return;
                ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
                int len = h.getInt(0);
                int op = h.getInt(12);
                if (len < 16 || len > 100_000 || (op != 2004 && op != 2013)) return;
                String body = new String(p.read(len - 16), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (body.contains("isMaster")) p.write(DataFakeServer.corpus("mongodb/ismaster-7.0.bin"));
                else if (body.contains("buildInfo")) p.write(DataFakeServer.corpus("mongodb/buildinfo-7.0.5.bin"));
                else if (body.contains("listDatabases")) {
                    p.write(DataFakeServer.corpus(auth ? "mongodb/listdatabases-unauthorized.bin" : "mongodb/listdatabases-open.bin"));
                } else return;
            }
        };
    }

    public static DataFakeServer.Conversation elastic(boolean security) {
        return p -> {
            String request = p.readUntil("\r\n\r\n");
            if (!request.startsWith("GET ")) return;
            if (security) {
                p.write(DataFakeServer.corpus("elasticsearch/root-401-security.http"));
            } else if (request.startsWith("GET /_cat/indices")) {
                p.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n[{\"index\":\"logs-2024\"},{\"index\":\"customers\"}]");
            } else {
                p.write(DataFakeServer.corpus("elasticsearch/root-8.13.4-open.http"));
            }
        };
    }

    /** A plain JSON API that is not Elasticsearch. */
    public static DataFakeServer.Conversation jsonApi() {
        return p -> {
            String request = p.readUntil("\r\n\r\n");
            if (!request.startsWith("GET ")) return;
            p.write(DataFakeServer.corpus("elasticsearch/plain-json-api.http"));
        };
    }

    public static DataFakeServer.Conversation rdp() {
        return p -> {
            byte[] req = p.read(19);
            if (req.length < 11 || req[0] != 3 || req[5] != (byte) 0xe0) return;
            p.write(DataFakeServer.corpus("rdp/cc-windows-nla.bin"));
        };
    }

    public static DataFakeServer.Conversation smb() {
        return DataFakes::smbNegotiation;
    }

    /** SMB1 multi-protocol negotiate → 0x02FF, then SMB2 negotiate → 3.1.1, as Samba 4 answers. */
    static void smbNegotiation(DataFakeServer.Peer p) throws IOException {
        byte[] nbt = p.read(4);
        if (nbt.length < 4 || nbt[0] != 0) return;
        int len = ((nbt[2] & 0xff) << 8) | (nbt[3] & 0xff);
        byte[] m = p.read(len);
        if (m.length < 5 || (m[0] & 0xff) != 0xff || m[4] != 0x72) return;
        p.write(DataFakeServer.framed(DataFakeServer.corpus("smb/smb2-wildcard-02ff.bin")));
        nbt = p.read(4);
        if (nbt.length < 4) return;
        len = ((nbt[2] & 0xff) << 8) | (nbt[3] & 0xff);
        m = p.read(len);
        if (m.length < 4 || (m[0] & 0xff) != 0xfe) return;
        p.write(DataFakeServer.framed(DataFakeServer.corpus("smb/smb2-3.1.1-signing-required.bin")));
    }

    public static DataFakeServer.Conversation netbiosSession() {
        return p -> {
            byte[] req = p.read(72);
            if (req.length < 72 || (req[0] & 0xff) != 0x81) return;
            p.write(new byte[] {(byte) 0x82, 0, 0, 0});
            smbNegotiation(p);
        };
    }

    public static DataFakeServer.Conversation afp() {
        return p -> {
            byte[] req = p.read(16);
            if (req.length < 16 || req[0] != 0 || req[1] != 3) return;
            p.write(DataFakeServer.corpus("afp/netatalk-3.1.12.bin"));
        };
    }

    public static DataFakeServer.Conversation vnc(int... securityTypes) {
        return p -> {
            p.write("RFB 003.008\n");
            byte[] version = p.read(12);
            if (version.length < 12) return;
            byte[] types = new byte[securityTypes.length + 1];
            types[0] = (byte) securityTypes.length;
            for (int i = 0; i < securityTypes.length; i++) types[i + 1] = (byte) securityTypes[i];
            p.write(types);
            p.read(1);                                           // the client's choice, if it made one
        };
    }

    public static DataFakeServer.Conversation mysql() {
        return p -> {
            p.write(DataFakeServer.corpus("mysql/greeting-mariadb-10.11.19.bin"));
            p.read(4);
        };
    }

    /** A plain HTTP server that waits for a whole request (like most do) and answers 200. */
    public static DataFakeServer.Conversation http() {
        return p -> {
            StringBuilder request = new StringBuilder();
            for (int waited = 0; waited < 10 && !request.toString().endsWith("\r\n\r\n"); waited++) {
                request.append(p.readUntil("\r\n\r\n"));       // sits silently through binary garbage, 10 s at most
            }
            if (!request.toString().endsWith("\r\n\r\n")) return;
            p.write("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Length: 2\r\n\r\nok");
        };
    }
}
