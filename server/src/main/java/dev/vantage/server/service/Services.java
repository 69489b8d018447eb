package dev.vantage.server.service;

import dev.vantage.server.data.AuditLog;

/** The services the UI and the API share: the two faces call exactly the same code. */
public record Services(AccountService accounts, SessionService sessions, TargetService targets, OrderService orders,
                       ReportService reports, ScheduleService schedules, AuditLog audit) {}
