package dev.vantage.server.data;

/** A stored report without its JSON: what lists and the history show. */
public record ReportInfo(String id, String orderId, long accountId, String targetId, String highestRisk, int openPorts,
                         int findings, long createdAt) {}
