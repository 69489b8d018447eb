package dev.vantage.assess;

/**
 * The owner's own rating of something, from the policy, shown beside the stock rating (never
 * silently replacing it).
 *
 * @param risk the owner's rating
 * @param note the owner's reason, in their words
 */
public record OwnerView(Risk risk, String note) {}
