package dev.vantage.server.data;

/** A customer's account. {@code lang} is {@code en} or {@code ja}. */
public record Account(long id, String email, String passwordHash, String lang, long createdAt) {}
