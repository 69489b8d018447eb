package dev.vantage.probe.ssh;

import dev.vantage.probe.Connection;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal SSH client conversation over a bounded {@link Connection}: identification, the
 * server's KEXINIT, optionally one key exchange and a "none" authentication request. Every step
 * is bounded by the connection's time and byte budget; a server that deviates gets an
 * {@link IOException}. Not thread-safe.
 */
public final class SshClient {
    public static final String CLIENT_IDENT = "SSH-2.0-VantageCheck_1.0";

    static final int MSG_DISCONNECT = 1;
    static final int MSG_IGNORE = 2;
    static final int MSG_UNIMPLEMENTED = 3;
    static final int MSG_DEBUG = 4;
    static final int MSG_SERVICE_REQUEST = 5;
    static final int MSG_SERVICE_ACCEPT = 6;
    static final int MSG_EXT_INFO = 7;
    static final int MSG_NEWKEYS = 21;
    static final int MSG_KEX_INIT = 30;
    static final int MSG_KEX_REPLY = 31;
    static final int MSG_USERAUTH_REQUEST = 50;
    static final int MSG_USERAUTH_FAILURE = 51;
    static final int MSG_USERAUTH_SUCCESS = 52;
    static final int MSG_USERAUTH_BANNER = 53;

    private static final int MAX_PRE_IDENT_LINES = 32;
    private static final int MAX_SKIPPED_MESSAGES = 16;

    /** The outcome of a key exchange. */
    public record Negotiated(String kex, String hostKeyAlgorithm, String cipher, String mac, SshHostKey hostKey) {}

    /** What a "none" authentication request revealed. */
    public record AuthMethods(List<String> methods, boolean noneAccepted, @Nullable String banner) {}

    private final Connection c;
    private final SshIdent server;
    private byte[] serverKexInitPayload = new byte[0];
    private @Nullable SshKexInit serverKexInit;
    private SshPacketCipher in = SshPacketCipher.plain();
    private SshPacketCipher out = SshPacketCipher.plain();
    private long seqIn;
    private long seqOut;
    private boolean keyed;

    private SshClient(Connection c, SshIdent server) {
        this.c = c;
        this.server = server;
    }

    /** Reads the server's identification line only (enough for the protocol version). */
    public static SshIdent identify(Connection c) throws IOException {
        for (int i = 0; i < MAX_PRE_IDENT_LINES; i++) {
            String line = c.readLine(1024);
            if (line == null) break;
            if (line.startsWith("SSH-")) {
                return SshIdent.parse(line.getBytes(StandardCharsets.ISO_8859_1))
                        .orElseThrow(() -> new SshFormatException("a malformed SSH identification line"));
            }
        }
        throw new SshFormatException("no SSH identification line");
    }

    /** Exchanges identification lines and reads the server's KEXINIT (SSH-2 servers only). */
    public static SshClient start(Connection c) throws IOException {
        c.write((CLIENT_IDENT + "\r\n").getBytes(StandardCharsets.US_ASCII));
        SshIdent ident = identify(c);
        if (ident.protocol().startsWith("1.") && !ident.protocol().equals("1.99")) {
            throw new SshFormatException("the server speaks SSH-1 only (" + ident.line() + ")");
        }
        SshClient client = new SshClient(c, ident);
        client.serverKexInitPayload = client.readMessage(SshKexInit.MSG_KEXINIT);
        client.serverKexInit = SshKexInit.parse(client.serverKexInitPayload)
                .orElseThrow(() -> new SshFormatException("a malformed KEXINIT"));
        return client;
    }

    public SshIdent serverIdent() {
        return server;
    }

    public SshKexInit serverKexInit() {
        return java.util.Objects.requireNonNull(serverKexInit, "start() reads it");
    }

    /**
     * Runs one key exchange and switches both directions to the negotiated protection.
     *
     * @param hostKeyPreference the host key algorithms to ask for, in order (decides which key the server shows)
     */
    public Negotiated keyExchange(List<String> hostKeyPreference) throws IOException {
        if (keyed) throw new IllegalStateException("keys already exchanged");
        SshKexInit serverKexInit = serverKexInit();
        String kex = pick(SshKeyAgreement.SUPPORTED, serverKexInit.kex(), "key exchange");
        String hostKeyAlgorithm = pick(hostKeyPreference, serverKexInit.hostKey(), "host key");
        String cipherCs = pick(SshPacketCipher.CIPHERS, serverKexInit.ciphersClientToServer(), "cipher");
        String cipherSc = pick(SshPacketCipher.CIPHERS, serverKexInit.ciphersServerToClient(), "cipher");
        String macCs = SshPacketCipher.isAead(cipherCs) ? "" : pick(SshPacketCipher.MACS, serverKexInit.macsClientToServer(), "MAC");
        String macSc = SshPacketCipher.isAead(cipherSc) ? "" : pick(SshPacketCipher.MACS, serverKexInit.macsServerToClient(), "MAC");
        if (!serverKexInit.compressionClientToServer().contains("none") || !serverKexInit.compressionServerToClient().contains("none")) {
            throw new SshFormatException("the server insists on compression");
        }
        byte[] ourKexInit = SshKexInit.build(SshKeyAgreement.SUPPORTED, hostKeyPreference, SshPacketCipher.CIPHERS, SshPacketCipher.MACS);
        send(ourKexInit);
        try {
            SshKeyAgreement agreement = SshKeyAgreement.start(kex);
            send(concat(new byte[] {MSG_KEX_INIT}, agreement.initBody()));
            if (serverKexInit.firstKexPacketFollows() && !guessedRight(kex, hostKeyAlgorithm)) {
                readPacket();   // RFC 4253 §7: a wrong guess's packet is ignored
            }
            SshReader reply = new SshReader(readMessage(MSG_KEX_REPLY), 1);
            byte[] hostKeyBlob = reply.string();
            SshKeyAgreement.Secret secret = agreement.finish(reply);
            MessageDigest digest = agreement.digest();
            byte[] h = digest.digest(new SshWriter()
                    .string(CLIENT_IDENT).string(server.line().getBytes(StandardCharsets.ISO_8859_1))
                    .string(ourKexInit).string(serverKexInitPayload)
                    .string(hostKeyBlob).raw(secret.exchangeHashPart()).mpint(secret.k()).toBytes());
            send(new byte[] {MSG_NEWKEYS});
            Keys keys = new Keys(agreement, secret.k(), h);
            out = SshPacketCipher.create(cipherCs, macCs, true, keys.derive('C', SshPacketCipher.keyLength(cipherCs)),
                    keys.derive('A', SshPacketCipher.ivLength(cipherCs)), keys.derive('E', macCs.isEmpty() ? 0 : SshPacketCipher.macKeyLength(macCs)));
            readMessage(MSG_NEWKEYS);
            in = SshPacketCipher.create(cipherSc, macSc, false, keys.derive('D', SshPacketCipher.keyLength(cipherSc)),
                    keys.derive('B', SshPacketCipher.ivLength(cipherSc)), keys.derive('F', macSc.isEmpty() ? 0 : SshPacketCipher.macKeyLength(macSc)));
            keyed = true;
            SshHostKey hostKey = SshHostKey.parse(hostKeyBlob).orElse(new SshHostKey(hostKeyAlgorithm, 0));
            return new Negotiated(kex, hostKeyAlgorithm, cipherCs, macCs.isEmpty() ? "(AEAD)" : macCs, hostKey);
        } catch (GeneralSecurityException e) {
            throw new IOException("key exchange failed: " + e.getMessage(), e);
        }
    }

    private boolean guessedRight(String kex, String hostKeyAlgorithm) {
        SshKexInit serverKexInit = serverKexInit();
        if (serverKexInit.kex().isEmpty() || serverKexInit.hostKey().isEmpty()) return false;
        return serverKexInit.kex().get(0).equals(kex) && serverKexInit.hostKey().get(0).equals(hostKeyAlgorithm);
    }

    /**
     * Asks for the user-authentication service and tries the "none" method for {@code user}: the
     * server's refusal lists the methods it would accept. No password or key is ever sent.
     */
    public AuthMethods authMethods(String user) throws IOException {
        if (!keyed) throw new IllegalStateException("exchange keys first");
        send(new SshWriter().u8(MSG_SERVICE_REQUEST).string("ssh-userauth").toBytes());
        readMessage(MSG_SERVICE_ACCEPT);
        send(new SshWriter().u8(MSG_USERAUTH_REQUEST).string(user).string("ssh-connection").string("none").toBytes());
        String banner = null;
        for (int i = 0; i < MAX_SKIPPED_MESSAGES; i++) {
            byte[] m = readPacket();
            SshReader r = new SshReader(m, 1);
            switch (m[0] & 0xff) {
                case MSG_USERAUTH_FAILURE -> {
                    return new AuthMethods(r.nameList(), false, banner);
                }
                case MSG_USERAUTH_SUCCESS -> {
                    return new AuthMethods(List.of(), true, banner);
                }
                case MSG_USERAUTH_BANNER -> banner = r.text();
                default -> checkSkippable(m);
            }
        }
        throw new SshFormatException("no answer to the authentication request");
    }

    private void send(byte[] payload) throws IOException {
        c.write(out.seal(payload, seqOut));
        seqOut = (seqOut + 1) & 0xffffffffL;
    }

    private byte[] readPacket() throws IOException {
        byte[] p = in.open(c, seqIn);
        seqIn = (seqIn + 1) & 0xffffffffL;
        return p;
    }

    /** Reads until a message of the wanted type, skipping IGNORE, DEBUG and the like (bounded). */
    private byte[] readMessage(int type) throws IOException {
        for (int i = 0; i < MAX_SKIPPED_MESSAGES; i++) {
            byte[] m = readPacket();
            if ((m[0] & 0xff) == type) return m;
            checkSkippable(m);
        }
        throw new SshFormatException("message " + type + " never came");
    }

    private static void checkSkippable(byte[] m) throws IOException {
        int type = m[0] & 0xff;
        if (type == MSG_DISCONNECT) {
            SshReader r = new SshReader(m, 1);
            long code = r.u32();
            throw new IOException("the server disconnected (" + code + ": " + r.text().strip() + ")");
        }
        if (type != MSG_IGNORE && type != MSG_DEBUG && type != MSG_EXT_INFO && type != MSG_UNIMPLEMENTED) {
            throw new SshFormatException("unexpected message " + type);
        }
    }

    private static String pick(List<String> ours, List<String> theirs, String what) throws SshFormatException {
        for (String a : ours) {
            if (theirs.contains(a)) return a;
        }
        throw new SshFormatException("no " + what + " in common (the server offers " + String.join(",", theirs) + ")");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** RFC 4253 §7.2: key material = HASH(K || H || letter || session_id), extended as needed. */
    private static final class Keys {
        private final SshKeyAgreement agreement;
        private final byte[] k;
        private final byte[] h;

        Keys(SshKeyAgreement agreement, BigInteger k, byte[] h) {
            this.agreement = agreement;
            this.k = new SshWriter().mpint(k).toBytes();
            this.h = h;
        }

        byte[] derive(char letter, int length) throws GeneralSecurityException {
            if (length == 0) return new byte[0];
            MessageDigest d = agreement.digest();
            d.update(k);
            d.update(h);
            d.update((byte) letter);
            d.update(h);   // the session id is the first exchange's H, and this is the first exchange
            byte[] out = d.digest();
            while (out.length < length) {
                d.update(k);
                d.update(h);
                d.update(out);
                out = concat(out, d.digest());
            }
            return Arrays.copyOf(out, length);
        }
    }
}
