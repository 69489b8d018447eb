package dev.vantage.probe.ssh;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * An SSH_MSG_KEXINIT (RFC 4253 §7.1): the algorithms one side supports, in its order of preference.
 */
public record SshKexInit(List<String> kex, List<String> hostKey, List<String> ciphersClientToServer,
                         List<String> ciphersServerToClient, List<String> macsClientToServer,
                         List<String> macsServerToClient, List<String> compressionClientToServer,
                         List<String> compressionServerToClient, boolean firstKexPacketFollows) {
    public static final int MSG_KEXINIT = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    public SshKexInit {
        kex = List.copyOf(kex);
        hostKey = List.copyOf(hostKey);
        ciphersClientToServer = List.copyOf(ciphersClientToServer);
        ciphersServerToClient = List.copyOf(ciphersServerToClient);
        macsClientToServer = List.copyOf(macsClientToServer);
        macsServerToClient = List.copyOf(macsServerToClient);
        compressionClientToServer = List.copyOf(compressionClientToServer);
        compressionServerToClient = List.copyOf(compressionServerToClient);
    }

    /** Reads a KEXINIT payload (starting with its message number); empty if it is not one. */
    public static Optional<SshKexInit> parse(byte[] payload) {
        try {
            SshReader r = new SshReader(payload);
            if (r.u8() != MSG_KEXINIT) return Optional.empty();
            r.bytes(16);   // cookie
            List<String> kex = r.nameList();
            List<String> hostKey = r.nameList();
            List<String> encCs = r.nameList();
            List<String> encSc = r.nameList();
            List<String> macCs = r.nameList();
            List<String> macSc = r.nameList();
            List<String> compCs = r.nameList();
            List<String> compSc = r.nameList();
            r.nameList();  // languages, client to server
            r.nameList();  // languages, server to client
            SshKexInit k = new SshKexInit(kex, hostKey, encCs, encSc, macCs, macSc, compCs, compSc, r.bool());
            r.u32();       // reserved
            return Optional.of(k);
        } catch (SshFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The KEXINIT in what a server sends first: its identification line, then its KEXINIT as an
     * unencrypted packet. Empty when the bytes hold no such packet (pure; for corpus and fuzz tests).
     */
    public static Optional<SshKexInit> fromServerStart(byte[] data) {
        int start = -1;
        for (int i = 0; i + 4 <= data.length && i < 8192; i++) {
            if ((i == 0 || data[i - 1] == '\n') && data[i] == 'S' && data[i + 1] == 'S' && data[i + 2] == 'H' && data[i + 3] == '-') {
                start = i;
                break;
            }
        }
        if (start < 0) return Optional.empty();
        int p = start;
        while (p < data.length && data[p] != '\n') p++;
        p++;
        if (p + 5 > data.length) return Optional.empty();
        long length = ((long) (data[p] & 0xff) << 24) | ((data[p + 1] & 0xff) << 16) | ((data[p + 2] & 0xff) << 8) | (data[p + 3] & 0xff);
        int padding = data[p + 4] & 0xff;
        if (length < 5 || length > data.length - p - 4 || padding >= length) return Optional.empty();
        return parse(java.util.Arrays.copyOfRange(data, p + 5, p + 4 + (int) length - padding));
    }

    /** Our KEXINIT payload: the given preferences, no compression, no languages. */
    public static byte[] build(List<String> kex, List<String> hostKey, List<String> ciphers, List<String> macs) {
        byte[] cookie = new byte[16];
        RANDOM.nextBytes(cookie);
        return new SshWriter().u8(MSG_KEXINIT).raw(cookie)
                .nameList(kex).nameList(hostKey).nameList(ciphers).nameList(ciphers).nameList(macs).nameList(macs)
                .nameList(List.of("none")).nameList(List.of("none")).nameList(List.of()).nameList(List.of())
                .bool(false).u32(0).toBytes();
    }
}
