package dev.vantage.udp.probe;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * SNMP requests and replies: a v1/v2c GetRequest for one OID under a community, and the v3
 * engine discovery request (RFC 3414 §4) that any v3 agent answers with a Report carrying its
 * engine ID — no community or user needed.
 */
public final class SnmpMessages {
    public static final String SYS_DESCR = "1.3.6.1.2.1.1.1.0";
    public static final int V1 = 0;
    public static final int V2C = 1;
    private static final int GET_REQUEST = 0xa0;
    private static final int RESPONSE = 0xa2;
    private static final int REPORT = 0xa8;

    /** Names of common engine-ID enterprises, as the IANA private enterprise number registry spells them. */
    private static final Map<Long, String> ENTERPRISES = Map.ofEntries(
            Map.entry(9L, "ciscoSystems"), Map.entry(11L, "Hewlett-Packard"), Map.entry(99L, "SNMP Research"),
            Map.entry(253L, "Xerox"), Map.entry(311L, "Microsoft"), Map.entry(674L, "Dell Inc."),
            Map.entry(1588L, "Brocade Communications Systems, Inc."), Map.entry(2011L, "HUAWEI Technology Co.,Ltd"),
            Map.entry(2021L, "U.C. Davis, ECE Dept. Tom"), Map.entry(2636L, "Juniper Networks, Inc."),
            Map.entry(3375L, "F5 Labs, Inc."), Map.entry(4526L, "Netgear"), Map.entry(6574L, "Synology Inc."),
            Map.entry(6876L, "VMware Inc."), Map.entry(8072L, "net-snmp"), Map.entry(12356L, "Fortinet, Inc."),
            Map.entry(14823L, "Aruba, a Hewlett Packard Enterprise company"), Map.entry(14988L, "MikroTik"),
            Map.entry(24681L, "QNAP SYSTEMS, INC"), Map.entry(25461L, "PALO ALTO NETWORKS"), Map.entry(25506L, "H3C"),
            Map.entry(30155L, "OpenBSD Project"), Map.entry(41112L, "Ubiquiti Networks, Inc."));

    /** What nmap's version probe calls a v3-only agent of these enterprises, before its snmp-info script adds to it. */
    private static final Map<Long, String> NMAP_V3_PRODUCTS = Map.of(
            9L, "Cisco SNMP service", 99L, "Cisco SNMP service", 253L, "Xerox SNMP service",
            1588L, "Brocade SNMP service", 2011L, "Huawei SNMP service", 8072L, "net-snmp",
            12356L, "Fortinet SNMP service", 14823L, "Aruba Networks SNMP service", 14988L, "MikroTik router SNMP service",
            30155L, "OpenBSD SNMP service");

    private SnmpMessages() {}

    /** A GetRequest for {@code oid} as SNMPv1 ({@link #V1}) or v2c ({@link #V2C}). */
    public static byte[] get(int version, String community, int requestId, String oid) {
        byte[] varbind = Ber.constructed(Ber.SEQUENCE, Ber.oid(oid), Ber.nul());
        byte[] pdu = Ber.constructed(GET_REQUEST, Ber.integer(requestId), Ber.integer(0), Ber.integer(0),
                Ber.constructed(Ber.SEQUENCE, varbind));
        return Ber.constructed(Ber.SEQUENCE, Ber.integer(version),
                Ber.octets(community.getBytes(StandardCharsets.ISO_8859_1)), pdu);
    }

    /** The SNMPv3 discovery request: no user, reportable, an empty GetRequest. */
    public static byte[] v3Discovery(int messageId) {
        byte[] global = Ber.constructed(Ber.SEQUENCE, Ber.integer(messageId), Ber.integer(65507),
                Ber.octets(new byte[] {0x04}), Ber.integer(3));
        byte[] usm = Ber.constructed(Ber.SEQUENCE, Ber.octets(new byte[0]), Ber.integer(0), Ber.integer(0),
                Ber.octets(new byte[0]), Ber.octets(new byte[0]), Ber.octets(new byte[0]));
        byte[] pdu = Ber.constructed(GET_REQUEST, Ber.integer(messageId), Ber.integer(0), Ber.integer(0),
                Ber.constructed(Ber.SEQUENCE));
        byte[] scoped = Ber.constructed(Ber.SEQUENCE, Ber.octets(new byte[0]), Ber.octets(new byte[0]), pdu);
        return Ber.constructed(Ber.SEQUENCE, Ber.integer(3), global, Ber.octets(usm), scoped);
    }

    /**
     * A v1/v2c Response.
     *
     * @param errorStatus 0 when the agent answered the OID; noSuchName (2) and others otherwise
     * @param value       the first varbind's value as text (an OCTET STRING printably, others by type), may be empty
     */
    public record Response(int version, String community, int requestId, int errorStatus, String oid, String value) {}

    /** An SNMPv3 Report: the agent's authoritative engine. */
    public record Report(byte[] engineId, long enterprise, long boots, long engineTime) {
        public Report {
            engineId = engineId.clone();
        }

        @Override
        public byte[] engineId() {
            return engineId.clone();
        }

        /** The enterprise the engine ID names, by its registered name, or its number when not in our table. */
        public String enterpriseName() {
            return enterprise < 0 ? "unknown" : ENTERPRISES.getOrDefault(enterprise, String.valueOf(enterprise));
        }

        /** What nmap's version probe alone would call a v3-only agent of this enterprise, if it has a name for it. */
        public @Nullable String nmapProduct() {
            return NMAP_V3_PRODUCTS.get(enterprise);
        }
    }

    /** Parses a v1/v2c Response; empty for anything else (including v3 messages). */
    public static Optional<Response> parseResponse(byte[] reply) {
        try {
            Ber.Element msg = Ber.decode(reply);
            if (msg.tag() != Ber.SEQUENCE) return Optional.empty();
            int version = (int) msg.child(0).asLong();
            if (version != V1 && version != V2C) return Optional.empty();
            Ber.Element community = msg.child(1);
            Ber.Element pdu = msg.child(2);
            if (community.tag() != Ber.OCTET_STRING || pdu.tag() != RESPONSE) return Optional.empty();
            int requestId = (int) pdu.child(0).asLong();
            int errorStatus = (int) pdu.child(1).asLong();
            String oid = "";
            String value = "";
            Ber.Element varbinds = pdu.child(3);
            if (!varbinds.children().isEmpty()) {
                Ber.Element vb = varbinds.child(0);
                oid = vb.child(0).asOid();
                value = valueText(vb.child(1));
            }
            return Optional.of(new Response(version, new String(community.content(), StandardCharsets.ISO_8859_1),
                    requestId, errorStatus, oid, value));
        } catch (Wire.Truncated | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Parses an SNMPv3 Report; empty for anything else. */
    public static Optional<Report> parseReport(byte[] reply) {
        try {
            Ber.Element msg = Ber.decode(reply);
            if (msg.tag() != Ber.SEQUENCE || msg.child(0).asLong() != 3) return Optional.empty();
            Ber.Element usmOctets = msg.child(2);
            if (usmOctets.tag() != Ber.OCTET_STRING) return Optional.empty();
            Ber.Element usm = Ber.decode(usmOctets.content());
            byte[] engine = usm.child(0).content();
            long boots = usm.child(1).asLong();
            long time = usm.child(2).asLong();
            Ber.Element scoped = msg.child(3);
            if (scoped.tag() == Ber.SEQUENCE && scoped.children().size() >= 3 && scoped.child(2).tag() != REPORT
                    && scoped.child(2).tag() != RESPONSE) {
                return Optional.empty();
            }
            long enterprise = -1;
            if (engine.length >= 5 && (engine[0] & 0x80) != 0) {
                enterprise = Wire.u32(engine, 0) & 0x7fffffffL;
            }
            return Optional.of(new Report(engine, enterprise, boots, time));
        } catch (Wire.Truncated | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String valueText(Ber.Element v) {
        return switch (v.tag()) {
            case Ber.OCTET_STRING -> Wire.printable(new String(v.content(), StandardCharsets.ISO_8859_1), 256);
            case Ber.INTEGER -> String.valueOf(v.asLong());
            case Ber.OID -> v.asOid();
            default -> "";
        };
    }
}
