package dev.vantage.probe.dns;

/**
 * One resource record.
 *
 * @param name  the owner name in presentation form, without the trailing dot ("." for the root)
 * @param rdata the raw record data
 * @param data  the record data as text for the types the codec knows: the target name (NS, CNAME,
 *              PTR), "mname rname serial" (SOA), the strings joined by spaces (TXT), the address
 *              (A, AAAA); empty for other types
 */
public record DnsRecord(String name, int type, int klass, long ttl, byte[] rdata, String data) {

    public DnsRecord {
        rdata = rdata.clone();
    }

    @Override
    public byte[] rdata() {
        return rdata.clone();
    }

    /** For SOA records: the zone's primary name server, else empty. */
    public String soaPrimary() {
        if (type != DnsMessage.TYPE_SOA) return "";
        int space = data.indexOf(' ');
        return space < 0 ? data : data.substring(0, space);
    }

    /** "www.lab.test A 127.0.0.1", for evidence. */
    public String describe() {
        return name + " " + typeName(type) + (data.isEmpty() ? "" : " " + data);
    }

    public static String typeName(int type) {
        return switch (type) {
            case DnsMessage.TYPE_A -> "A";
            case DnsMessage.TYPE_NS -> "NS";
            case DnsMessage.TYPE_CNAME -> "CNAME";
            case DnsMessage.TYPE_SOA -> "SOA";
            case DnsMessage.TYPE_PTR -> "PTR";
            case 15 -> "MX";
            case DnsMessage.TYPE_TXT -> "TXT";
            case DnsMessage.TYPE_AAAA -> "AAAA";
            case 33 -> "SRV";
            default -> "TYPE" + type;
        };
    }
}
