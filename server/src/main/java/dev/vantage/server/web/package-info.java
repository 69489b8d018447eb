/** The web face: Javalin filters and routes, JTE page models, the JSON API. */
@NullMarked
package dev.vantage.server.web;

import org.jspecify.annotations.NullMarked;
