package io.picaco.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Java's own HttpClient asks for an h2c upgrade on POST; the API must still read the body. */
@QuarkusTest
class JavaClientTest {
    @TestHTTPResource("/select")
    URI select;

    @Test
    void postFromJavaHttpClientIsRead() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(select)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"values\":[\"a\"],\"instructions\":[{\"id\":\"e\",\"responses\":[]}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
