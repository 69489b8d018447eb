package dev.vantage.check.builtin;

import dev.vantage.probe.Service;
import dev.vantage.probe.builtin.HttpProbe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How the corpus test describes a captured HTTP response: the probe's identification and every judge's verdict. */
public final class HttpCorpus {
    /** The token the captured TRACE requests carried. */
    static final String TRACE_TOKEN = "0123456789abcdef";

    private HttpCorpus() {}

    /** "product | version | status | verdicts". */
    public static String describe(byte[] raw) {
        Optional<HttpResponse> parsed = HttpResponse.parse(raw);
        if (parsed.isEmpty()) return "unparsed";
        HttpResponse r = parsed.get();
        Service s = HttpProbe.parse(raw).orElseThrow();
        List<String> verdicts = new ArrayList<>();
        if (HttpVersionDisclosureCheck.judge(r).isPresent()) verdicts.add("disclosure");
        if (HttpDirectoryListingCheck.isListing(r)) verdicts.add("listing");
        if (r.status() == 200 && HttpLoginFormCheck.passwordForm(r.body()).isPresent()) verdicts.add("login-form");
        if (HttpTraceCheck.echoes(r, TRACE_TOKEN)) verdicts.add("trace");
        Set<String> samples = new LinkedHashSet<>();
        for (HttpSampleFilesCheck.Sample sample : HttpSampleFilesCheck.SAMPLES) {
            if (r.status() == 200 && sample.signature().test(r.body())) samples.add(sample.what().replace(' ', '-'));
        }
        verdicts.addAll(samples);
        return (s.product() == null ? "-" : s.product()) + " | " + (s.version() == null ? "-" : s.version()) + " | " + r.status()
                + " | " + (verdicts.isEmpty() ? "-" : String.join(" ", verdicts));
    }
}
