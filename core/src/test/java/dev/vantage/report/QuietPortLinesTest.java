package dev.vantage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-built quiet lines are valid JSON with the fields and number forms every other port entry has. */
class QuietPortLinesTest {
    private static PortReport quiet(int port, PortState state, Reason reason, long rttMicros, int attempts) {
        return new PortReport(port, Protocol.TCP, state, reason, rttMicros, attempts, null, List.of(), List.of());
    }

    @Test
    void linesParseAndPrintRoundTripsAsDoublesDo() throws Exception {
        long[] rtts = {-1, 0, 4, 5, 49, 50, 99, 100, 104, 105, 1_000, 1_500, 2_000, 12_340, 123_456, 999_999, 9_999_999_990L};
        QuietPortLines lines = new QuietPortLines();
        for (int i = 0; i < rtts.length; i++) {
            lines.add(quiet(i + 1, i % 2 == 0 ? PortState.CLOSED : PortState.FILTERED,
                    i % 2 == 0 ? Reason.CONN_REFUSED : Reason.NO_RESPONSE, rtts[i], 1 + i % 3));
        }
        String text = "[" + lines.getValue() + "]";
        JsonNode array = new ObjectMapper().readTree(text);
        assertEquals(rtts.length, array.size());
        Matcher rttText = Pattern.compile("\"rtt_ms\": ([^,]+),").matcher(text);
        for (int i = 0; i < rtts.length; i++) {
            JsonNode n = array.get(i);
            assertEquals(i + 1, n.get("port").asInt());
            assertEquals("tcp", n.get("protocol").asText());
            assertEquals(i % 2 == 0 ? "closed" : "filtered", n.get("state").asText());
            assertEquals(i % 2 == 0 ? Reason.CONN_REFUSED.label() : Reason.NO_RESPONSE.label(), n.get("reason").asText());
            assertEquals(1 + i % 3, n.get("attempts").asInt());
            assertTrue(rttText.find());
            String expected = rtts[i] < 0 ? "null" : String.valueOf(Math.round(rtts[i] / 10.0) / 100.0);
            assertEquals(expected, rttText.group(1), "rtt of " + rtts[i] + " us");
        }
    }

    @Test
    void aRunIsEmptiedAndRefilled() {
        QuietPortLines lines = new QuietPortLines();
        while (!lines.full()) lines.add(quiet(80, PortState.CLOSED, Reason.CONN_REFUSED, 30, 1));
        assertTrue(lines.getValue().length() >= QuietPortLines.FLUSH_AT);
        lines.clear();
        assertTrue(lines.isEmpty());
        lines.add(quiet(81, PortState.CLOSED, Reason.CONN_REFUSED, 30, 1));
        assertTrue(lines.getValue().startsWith("\n      {\"port\": 81,"), lines.getValue());
    }

    @Test
    void aRunOfQuietTcpPortsStopsAtAPortThatAnswersAndAtAFullBuffer() {
        PortReport open = new PortReport(3, Protocol.TCP, PortState.OPEN, Reason.SYN_ACK, 30, 1, null, List.of(), List.of());
        PortReport udp = new PortReport(7, Protocol.UDP, PortState.CLOSED, Reason.CONN_REFUSED, 30, 1, null, List.of(), List.of());
        List<PortReport> ports = List.of(quiet(1, PortState.CLOSED, Reason.CONN_REFUSED, 30, 1),
                quiet(2, PortState.FILTERED, Reason.NO_RESPONSE, -1, 3), open, quiet(4, PortState.CLOSED, Reason.CONN_REFUSED, 30, 1),
                udp);
        QuietPortLines lines = new QuietPortLines();
        assertEquals(2, lines.addQuietTcp(ports, 0));
        assertEquals(2, lines.addQuietTcp(ports, 2), "the open port is not quiet: nothing added");
        assertEquals(4, lines.addQuietTcp(ports, 3), "a quiet UDP port is written with the UDP ones, not here");
        assertEquals(5, lines.addQuietTcp(ports, 5));
        String text = lines.getValue();
        assertTrue(text.contains("\"port\": 1,") && text.contains("\"port\": 2,") && text.contains("\"port\": 4,"), text);
        assertTrue(!text.contains("\"port\": 3,") && !text.contains("\"port\": 7,"), text);

        List<PortReport> many = new java.util.ArrayList<>();
        for (int port = 1; port <= 1000; port++) many.add(quiet(port, PortState.CLOSED, Reason.CONN_REFUSED, 30, 1));
        QuietPortLines run = new QuietPortLines();
        int stop = run.addQuietTcp(many, 0);
        assertTrue(run.full() && stop > 0 && stop < many.size(), "stops once full, at " + stop);
        run.clear();
        int total = stop;
        while (total < many.size()) {
            total = run.addQuietTcp(many, total);
            run.clear();
        }
        assertEquals(many.size(), total);
    }
}
