package dev.vantage.report.render;

import dev.vantage.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {
    @Test
    void everyFormatIsListedOnceByItsName() {
        assertEquals(List.of("text", "html", "pdf", "xml", "csv"), Renderers.formats());
        for (String f : Renderers.formats()) assertEquals(f, Renderers.byFormat(f).orElseThrow().format());
        assertEquals("html", Renderers.byFormat(" HTML ").orElseThrow().format());
        assertTrue(Renderers.byFormat("docx").isEmpty());
        BadInputException e = assertThrows(BadInputException.class, () -> Renderers.require("docx"));
        assertEquals("Unknown report format 'docx'; use text, html, pdf, xml, csv.", e.getMessage());
    }
}
