package dev.vantage.udp;

/**
 * The UDP ports level 2 and 3 scan: where a small server most often exposes a UDP service by
 * accident, and where an exposed one is most often misused (amplification, information leaks).
 * Each has a probe that makes its service answer.
 * <table>
 *   <caption>The key UDP set</caption>
 *   <tr><th>port</th><th>service</th><th>why it is in the set</th></tr>
 *   <tr><td>53</td><td>DNS</td><td>open resolvers amplify floods; version disclosure</td></tr>
 *   <tr><td>69</td><td>TFTP</td><td>unauthenticated file transfer, often left on by appliances</td></tr>
 *   <tr><td>123</td><td>NTP</td><td>mode 6/7 queries amplify floods (monlist)</td></tr>
 *   <tr><td>137</td><td>NetBIOS name service</td><td>leaks names, workgroup, users, MAC; Windows/Samba exposure</td></tr>
 *   <tr><td>161</td><td>SNMP</td><td>default communities give the whole device description</td></tr>
 *   <tr><td>500</td><td>IKE (IPsec VPN)</td><td>a VPN endpoint, often with aggressive mode or old proposals</td></tr>
 *   <tr><td>1900</td><td>SSDP (UPnP)</td><td>routers answering from the internet; reflection floods</td></tr>
 *   <tr><td>5353</td><td>mDNS</td><td>link-local service that should never answer from outside</td></tr>
 *   <tr><td>11211</td><td>memcached</td><td>the strongest known amplifier; cache contents</td></tr>
 * </table>
 */
public final class UdpPorts {
    private UdpPorts() {}

    /** The key UDP set, ascending. */
    public static int[] key() {
        return new int[] {53, 69, 123, 137, 161, 500, 1900, 5353, 11211};
    }
}
