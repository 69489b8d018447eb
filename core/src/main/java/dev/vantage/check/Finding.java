package dev.vantage.check;

/**
 * Something a check found, with the evidence that proves it.
 *
 * @param id       the finding's knowledge-base key, e.g. {@code smtp-open-relay} (risk, advice and
 *                 explanations in both languages live there, not in code)
 * @param checkId  the check that produced it
 * @param evidence what the service said or did, quoted briefly (never secrets)
 */
public record Finding(String id, String checkId, String evidence) {
    public Finding {
        if (id.isBlank()) throw new IllegalArgumentException("finding id is blank");
    }
}
