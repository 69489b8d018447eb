package dev.vantage.server.web;

/** What the order form showed, to show it again after a refusal. */
public record OrderForm(String level, String ports, String policy, String vantages) {
    static final OrderForm EMPTY = new OrderForm("1", "", "", "");
}
