package dev.vantage.cli;

import dev.vantage.assess.Assessor;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.Policy;
import dev.vantage.assess.PolicyParser;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * What every command that assesses needs, resolved once from --policy and --lang: the knowledge
 * base, the owner's policy (empty without a file) and the report language (the option, else the
 * policy's, else English).
 */
record Meaning(KnowledgeBase kb, Policy policy, Lang lang) {
    static Meaning of(@Nullable Path policyFile, @Nullable String langOption) {
        KnowledgeBase kb = KnowledgeBase.builtin();
        Policy policy = policyFile != null ? PolicyParser.read(policyFile, kb) : Policy.empty();
        Lang lang = langOption != null ? Lang.parse(langOption) : policy.language() != null ? policy.language() : Lang.EN;
        return new Meaning(kb, policy, lang);
    }

    Assessor assessor() {
        return new Assessor(kb, policy);
    }
}
