package dev.vantage.server.data;

/** The canonical JSON result of one run: an order checked from one vantage ("" for the unnamed one). */
public record VantageResult(String vantage, String json) {}
