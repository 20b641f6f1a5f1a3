package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Out of the box nothing is traced or exported: no collector is contacted, and start-up pays nothing for it. */
class TracingDefaultsTest {
    @Test
    void theOpenTelemetrySdkIsOffUnlessSwitchedOn() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        assertEquals("true", p.getProperty("quarkus.otel.sdk.disabled"));
        assertEquals(null, p.getProperty("%test.quarkus.otel.sdk.disabled"), "tests run with the same default");
        assertEquals(null, p.getProperty("%prod.quarkus.otel.sdk.disabled"), "production runs with the same default");
    }
}
