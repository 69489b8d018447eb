package dev.vantage.server.service;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.Targets;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.proof.HostNames;
import dev.vantage.server.proof.NameResolver;
import dev.vantage.server.proof.ProofMethod;
import dev.vantage.server.security.RateLimiter;
import dev.vantage.server.security.Secrets;

import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Targets: adding a host (refused outright when it lies in a range the service does not check) and proving control. */
public final class TargetService {
    public static final int MAX_TARGETS = 100;

    private final Targets targets;
    private final AuditLog audit;
    private final ControlProof proof;
    private final NameResolver resolver;
    private final Clock clock;
    private final RateLimiter proofAttempts;

    public TargetService(Targets targets, AuditLog audit, ControlProof proof, NameResolver resolver, Limits limits, Clock clock) {
        this.targets = targets;
        this.audit = audit;
        this.proof = proof;
        this.resolver = resolver;
        this.clock = clock;
        this.proofAttempts = new RateLimiter(limits.proofAttemptsPerAccount(), Duration.ofHours(1), clock);
    }

    public OwnedTarget add(Account a, String rawHost, String sourceIp) {
        String host = HostNames.normalise(rawHost == null ? "" : rawHost).orElseThrow(() -> ServiceException.bad("ui.target.bad_host"));
        if (targets.of(a.id()).size() >= MAX_TARGETS) throw ServiceException.bad("ui.target.too_many");
        List<InetAddress> addresses;
        try {
            addresses = resolver.addresses(host);
        } catch (UnknownHostException e) {
            throw ServiceException.bad("ui.proof.unresolved", host);
        }
        Optional<String> refused = proof.refusal(addresses);
        if (refused.isPresent()) {
            audit.record(a.id(), sourceIp, "target-refused", host, refused.get());
            throw ServiceException.forbidden("ui.target.out_of_scope", refused.get());
        }
        OwnedTarget t = new OwnedTarget(Secrets.newId(), a.id(), host, Secrets.newSecret(), null, null, clock.millis());
        OwnedTarget added = targets.insert(t).orElseThrow(() -> new ServiceException(ServiceException.Kind.CONFLICT, "ui.target.exists", host, 0));
        audit.record(a.id(), sourceIp, "target-add", host, null);
        return added;
    }

    public OwnedTarget get(Account a, String id) {
        if (!Secrets.looksLikeId(id)) throw ServiceException.notFound();
        return targets.find(a.id(), id).orElseThrow(ServiceException::notFound);
    }

    public List<OwnedTarget> list(Account a) {
        return targets.of(a.id());
    }

    /** Whether the target's proof of control holds now (given, and not expired). */
    public boolean isProven(OwnedTarget t) {
        return proof.isCurrent(t, clock.millis());
    }

    /** Whether the target was proven once but the proof has expired. */
    public boolean proofExpired(OwnedTarget t) {
        return proof.hasExpired(t, clock.millis());
    }

    /** When the proof expires (epoch ms), or null without one. */
    public @Nullable Long proofExpiresAt(OwnedTarget t) {
        return proof.expiresAt(t);
    }

    /** Tries a proof; on success the target is verified from now on (for the proof's validity). */
    public ControlProof.Outcome verify(Account a, String id, String methodCode, InetAddress client, String sourceIp) {
        OwnedTarget t = get(a, id);
        ProofMethod method = ProofMethod.parse(methodCode).orElseThrow(() -> ServiceException.bad("ui.proof.bad_method"));
        if (!proofAttempts.tryAcquire(String.valueOf(a.id()))) {
            throw ServiceException.tooMany(proofAttempts.retryAfterSeconds(String.valueOf(a.id())));
        }
        ControlProof.Outcome outcome = proof.attempt(method, t.host(), t.challenge(), client);
        if (outcome.verified()) targets.markVerified(t.id(), method.code(), clock.millis());
        audit.record(a.id(), sourceIp, outcome.verified() ? "target-verified" : "target-verify-failed", t.host(),
                method.code() + ": " + outcome.detail());
        return outcome;
    }

    public void delete(Account a, String id, String sourceIp) {
        OwnedTarget t = get(a, id);
        targets.delete(a.id(), t.id());
        audit.record(a.id(), sourceIp, "target-delete", t.host(), null);
    }
}
