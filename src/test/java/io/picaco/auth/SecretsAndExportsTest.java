package io.picaco.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/** Configured secrets of no known shape never leave the process; exports cannot be turned into markup or formulas. */
@QuarkusTest
@TestProfile(TokenProfile.class)
class SecretsAndExportsTest {
    static final String KEY = TokenProfile.ODD_KEY;
    static final String TOKEN = TokenProfile.TOKEN;

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    static String hostileRun() throws Exception {
        var body = new ObjectMapper().createObjectNode();
        body.put("name", "<script>alert(1)</script> key " + KEY + " token " + TOKEN);
        var values = body.putArray("values");
        values.addObject().put("id", "care").put("name", "Care <b>bold</b>")
                .put("definition", "<img src=x onerror=alert(1)> [click](javascript:alert(1)) | cell");
        values.addObject().put("id", "calm").put("name", "=1+2").put("definition", "Stay calm.");
        body.put("querySet", "hh");
        body.put("preset", "quick");
        body.put("seedInstruction", "=HYPERLINK(\"http://evil.example\",\"x\") ``` </code> ````` <b>");
        String id = api().contentType("application/json").body(body.toString()).post("/api/runs")
                .then().statusCode(201).extract().path("id");
        api().post("/api/runs/" + id + "/cancel"); // 409 when it has already finished
        return id;
    }

    @Test
    void secretsAreMaskedInViewsPagesExportsAndErrors() throws Exception {
        String id = hostileRun();
        for (String path : new String[] {"/api/runs/" + id, "/api/runs", "/runs/" + id, "/",
                "/api/runs/" + id + "/export?format=json", "/api/runs/" + id + "/export?format=markdown",
                "/api/runs/" + id + "/export?format=csv"}) {
            String body = api().get(path).then().statusCode(200).extract().asString();
            assertFalse(body.contains(KEY), path + " shows the model key");
            assertFalse(body.contains(TOKEN), path + " shows the auth token");
            assertTrue(path.endsWith("csv") || body.contains(Secrets.MASK), path + " marks what it masked");
        }
        // an error message that quotes the input
        api().contentType("application/json")
                .body("{\"composition\": \"helpfulness-4\", \"models\": {\"target\": \"" + KEY + "\"}}")
                .post("/api/runs/estimate").then().statusCode(400)
                .body(containsString("unknown endpoint"), not(containsString(KEY)));
        api().contentType("application/json").body("{\"composition\": \"" + TOKEN + "\"}")
                .post("/api/runs").then().statusCode(400).body(not(containsString(TOKEN)));
    }

    @Test
    void logLinesAreMaskedToo() {
        RedactingLogFilter filter = new RedactingLogFilter();
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "calling %s with %s", ExtLogRecord.FormatStyle.PRINTF,
                getClass().getName());
        record.setParameters(new Object[] {"judge", KEY});
        record.setThrown(new IllegalStateException("upstream said: bad key " + KEY,
                new RuntimeException("Authorization: Bearer " + TOKEN)));
        assertTrue(filter.isLoggable(record));
        assertEquals("calling judge with " + Secrets.MASK, record.getFormattedMessage());
        StringBuilder chain = new StringBuilder();
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertFalse(chain.toString().contains(KEY) || chain.toString().contains(TOKEN), chain.toString());
        assertTrue(chain.toString().contains("java.lang.IllegalStateException: upstream said: bad key " + Secrets.MASK));
        assertTrue(record.getThrown().getStackTrace().length > 0, "the stack trace is kept");
    }

    @Test
    void markdownExportRendersUserTextLiterally() throws Exception {
        String id = hostileRun();
        String md = api().get("/api/runs/" + id + "/export?format=markdown").then().statusCode(200).extract().asString();
        assertFalse(md.contains("<script>") || md.contains("<img") || md.contains("<b>bold"), md);
        if (md.contains("## Best instruction")) { // the seed: fenced by more backticks than its run of five
            assertTrue(md.contains("``````text\n=HYPERLINK"), md);
        }
        assertTrue(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"), md);
        assertTrue(md.contains("\\[click\\]\\(javascript:alert\\(1\\)\\) \\| cell"), md);
    }

    @Test
    void csvExportNeutralisesFormulas() throws Exception {
        String id = hostileRun();
        String csv = api().get("/api/runs/" + id + "/export?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("id,iteration,origin,j_hat,samples,text\r\n"), csv);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") ``` </code>"), csv);
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertFalse(cell.matches("\"?[=+@].*") || cell.startsWith("\"-"), "live formula cell: " + cell);
            }
        }
    }
}
