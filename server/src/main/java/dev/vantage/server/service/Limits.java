package dev.vantage.server.service;

/**
 * Abuse limits, per hour unless named otherwise. Login attempts count per source address and
 * failed logins per account; orders count per account and per source address (from the order
 * table, so they survive restarts and hold across several service processes).
 */
public record Limits(int loginAttemptsPerAddress, int loginFailuresPerAccount, int signupsPerAddress,
                     int ordersPerAccount, int ordersPerAddress, int proofAttemptsPerAccount) {
    public Limits {
        if (loginAttemptsPerAddress < 1 || loginFailuresPerAccount < 1 || signupsPerAddress < 1 || ordersPerAccount < 1
                || ordersPerAddress < 1 || proofAttemptsPerAccount < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    public static Limits defaults() {
        return new Limits(30, 10, 10, 20, 60, 60);
    }

    public Limits withOrders(int perAccount, int perAddress) {
        return new Limits(loginAttemptsPerAddress, loginFailuresPerAccount, signupsPerAddress, perAccount, perAddress,
                proofAttemptsPerAccount);
    }

    public Limits withLogins(int perAddress, int failuresPerAccount) {
        return new Limits(perAddress, failuresPerAccount, signupsPerAddress, ordersPerAccount, ordersPerAddress,
                proofAttemptsPerAccount);
    }
}
